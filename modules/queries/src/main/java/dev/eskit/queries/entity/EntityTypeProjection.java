package dev.eskit.queries.entity;

import dev.eskit.commands.api.entity.EntityTypeDefined;
import dev.eskit.processing.api.Projections;
import dev.eskit.queries.support.SqlTimestamps;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The entity types and their current schemas in {@code entity_type_view}, kept by the tracking processor {@code entity-types}. */
@Component
@ProcessingGroup(Projections.ENTITY_TYPES)
class EntityTypeProjection {

    private final JdbcTemplate jdbc;

    EntityTypeProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM entity_type_view");
    }

    @EventHandler
    void on(EntityTypeDefined event, @Timestamp Instant at) {
        int updated = jdbc.update("UPDATE entity_type_view SET schema_version = ?, schema_json = ?, updated_at = ? WHERE type = ?",
                event.schemaVersion(), event.schema().toString(), SqlTimestamps.of(at), event.type());
        if (updated == 0) {
            jdbc.update("INSERT INTO entity_type_view (type, schema_version, schema_json, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?)", event.type(), event.schemaVersion(), event.schema().toString(),
                    SqlTimestamps.of(at), SqlTimestamps.of(at));
        }
    }
}

package dev.eskit.queries.entity;

import dev.eskit.commands.api.entity.EntityCreated;
import dev.eskit.commands.api.entity.EntityDeleted;
import dev.eskit.commands.api.entity.EntityUpdated;
import dev.eskit.commands.api.entity.MergePatches;
import dev.eskit.queries.api.Projections;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entities' current documents in {@code entity_view}, kept by the tracking processor
 * {@code entities}. The API waits for it after a write, so a client reads its own writes.
 */
@Component
@ProcessingGroup(Projections.ENTITIES)
class EntityProjection {

    private final JdbcTemplate jdbc;

    EntityProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM entity_view");
    }

    @EventHandler
    void on(EntityCreated event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO entity_view (type, entity_id, version, document, created_at, updated_at, deleted) "
                        + "VALUES (?, ?, 1, ?, ?, ?, FALSE)",
                event.type(), event.entityId(), event.document().toString(), Times.of(at), Times.of(at));
    }

    @EventHandler
    void on(EntityUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String current = jdbc.queryForObject("SELECT document FROM entity_view WHERE type = ? AND entity_id = ?",
                String.class, event.type(), event.entityId());
        String updated = MergePatches.apply(JsonMapper.shared().readTree(current), event.patch()).toString();
        jdbc.update("UPDATE entity_view SET version = ?, document = ?, updated_at = ? WHERE type = ? AND entity_id = ?",
                sequence + 1, updated, Times.of(at), event.type(), event.entityId());
    }

    @EventHandler
    void on(EntityDeleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("UPDATE entity_view SET version = ?, deleted = TRUE, updated_at = ? WHERE type = ? AND entity_id = ?",
                sequence + 1, Times.of(at), event.type(), event.entityId());
    }
}

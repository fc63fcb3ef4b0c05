package dev.eskit.queries.entity;

import dev.eskit.commands.api.StreamVersions;
import dev.eskit.commands.api.entity.EntityCreated;
import dev.eskit.commands.api.entity.EntityDeleted;
import dev.eskit.commands.api.entity.EntityState;
import dev.eskit.commands.api.entity.EntityUpdated;
import dev.eskit.processing.api.BatchedWrites;
import dev.eskit.processing.api.Projections;
import dev.eskit.queries.entity.EntityRow.Key;
import dev.eskit.queries.support.SqlTimestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
 * {@code entities}. The API waits for it after a write, so a client reads its own writes. A batch's
 * events change rows in memory, read from the table once per entity, and the rows are written in one
 * JDBC batch as the batch commits ({@link BatchedWrites}): a replay or a burst of writes costs a few
 * round trips per batch instead of two per event.
 */
@Component
@ProcessingGroup(Projections.ENTITIES)
class EntityProjection {

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    EntityProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM entity_view");
    }

    @EventHandler
    void on(EntityCreated event, @Timestamp Instant at) {
        change(rows -> {
            EntityRow created = new EntityRow(event.type(), event.entityId(), EntityState.created(event.document(), at), false);
            rows.put(created.key(), created);
        });
    }

    @EventHandler
    void on(EntityUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(rows -> {
            EntityRow current = current(rows, new Key(event.type(), event.entityId()));
            rows.put(current.key(), current.now(current.state().updated(event.patch(), StreamVersions.ofSequence(sequence), at)));
        });
    }

    @EventHandler
    void on(EntityDeleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(rows -> {
            EntityRow current = current(rows, new Key(event.type(), event.entityId()));
            rows.put(current.key(), current.now(current.state().deleted(StreamVersions.ofSequence(sequence), at)));
        });
    }

    private void change(Consumer<Map<Key, EntityRow>> change) {
        writes.change(Projections.ENTITIES, LinkedHashMap::new, change, this::write);
    }

    /** The row as this batch left it, or as the table has it. */
    private EntityRow current(Map<Key, EntityRow> rows, Key key) {
        EntityRow pending = rows.get(key);
        if (pending != null) {
            return pending;
        }
        return jdbc.queryForObject("SELECT version, document, created_at, updated_at, deleted FROM entity_view "
                        + "WHERE type = ? AND entity_id = ?",
                (row, i) -> new EntityRow(key.type(), key.entityId(), new EntityState(JsonMapper.shared().readTree(row.getString("document")),
                        row.getLong("version"), SqlTimestamps.read(row, "created_at"), SqlTimestamps.read(row, "updated_at"), row.getBoolean("deleted")), true),
                key.type(), key.entityId());
    }

    private void write(Map<Key, EntityRow> rows) {
        List<EntityRow> inserts = rows.values().stream().filter(row -> !row.stored()).toList();
        List<EntityRow> updates = rows.values().stream().filter(EntityRow::stored).toList();
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO entity_view (type, entity_id, version, document, created_at, updated_at, deleted) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", inserts, inserts.size(), (statement, row) -> {
                        statement.setString(1, row.type());
                        statement.setString(2, row.entityId());
                        statement.setLong(3, row.state().version());
                        statement.setString(4, row.state().document().toString());
                        statement.setObject(5, SqlTimestamps.of(row.state().createdAt()));
                        statement.setObject(6, SqlTimestamps.of(row.state().updatedAt()));
                        statement.setBoolean(7, row.state().deleted());
                    });
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE entity_view SET version = ?, document = ?, updated_at = ?, deleted = ? "
                    + "WHERE type = ? AND entity_id = ?", updates, updates.size(), (statement, row) -> {
                        statement.setLong(1, row.state().version());
                        statement.setString(2, row.state().document().toString());
                        statement.setObject(3, SqlTimestamps.of(row.state().updatedAt()));
                        statement.setBoolean(4, row.state().deleted());
                        statement.setString(5, row.type());
                        statement.setString(6, row.entityId());
                    });
        }
    }
}

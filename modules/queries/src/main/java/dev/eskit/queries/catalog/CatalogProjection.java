package dev.eskit.queries.catalog;

import dev.eskit.commands.api.EventTypes;
import dev.eskit.queries.api.EventDescriber;
import dev.eskit.queries.api.Projections;
import dev.eskit.queries.support.BatchedWrites;
import dev.eskit.queries.support.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog tables from every stored event, for the tracking processor {@code catalog}: a
 * batch of events changes a few rows in memory ({@link CatalogChanges}) and writes them in a few JDBC
 * batches as it commits, in the transaction that stores its token, so a retried batch counts nothing twice.
 */
@Component
@ProcessingGroup(Projections.CATALOG)
class CatalogProjection {

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final EventDescriber describer;

    CatalogProjection(JdbcTemplate jdbc, BatchedWrites writes, EventDescriber describer) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.describer = describer;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM catalog_stream");
        jdbc.update("DELETE FROM catalog_partition");
        jdbc.update("DELETE FROM catalog_event_type");
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event, @Timestamp Instant at) {
        String type = describer.typeOf(event);
        writes.change(Projections.CATALOG, CatalogChanges::new, changes -> changes.stored(event.getAggregateIdentifier(),
                EventTypes.partitionOf(type), type, event.getSequenceNumber() + 1, at), this::write);
    }

    private void write(CatalogChanges changes) {
        writeStreams(changes.streams());
        upsertCounts("UPDATE catalog_partition SET events = events + ?, streams = streams + ? WHERE name = ?",
                "INSERT INTO catalog_partition (events, streams, name) VALUES (?, ?, ?)", changes.partitions());
        upsertCounts("UPDATE catalog_event_type SET events = events + ? WHERE name = ?",
                "INSERT INTO catalog_event_type (events, name) VALUES (?, ?)", changes.eventTypes());
    }

    private void writeStreams(Map<String, CatalogChanges.StreamChange> streams) {
        List<Object[]> updates = new ArrayList<>();
        List<String> ids = new ArrayList<>(streams.keySet());
        ids.forEach(id -> updates.add(new Object[] {streams.get(id).version(), Times.of(streams.get(id).updatedAt()), id}));
        int[] updated = jdbc.batchUpdate("UPDATE catalog_stream SET version = ?, updated_at = ? WHERE stream_id = ?", updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (updated[i] == 0) {
                CatalogChanges.StreamChange stream = streams.get(ids.get(i));
                inserts.add(new Object[] {ids.get(i), stream.partition(), stream.version(), Times.of(stream.createdAt()),
                        Times.of(stream.updatedAt())});
            }
        }
        jdbc.batchUpdate("INSERT INTO catalog_stream (stream_id, partition, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                inserts);
    }

    /** Adds to the counts of names that have a row, and inserts the others; each row's values end with the name. */
    private void upsertCounts(String update, String insert, Map<String, Object[]> rows) {
        List<Object[]> values = new ArrayList<>(rows.values());
        int[] updated = jdbc.batchUpdate(update, values);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (updated[i] == 0) {
                missing.add(values.get(i));
            }
        }
        jdbc.batchUpdate(insert, missing);
    }
}

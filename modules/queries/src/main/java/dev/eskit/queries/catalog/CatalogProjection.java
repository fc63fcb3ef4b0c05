package dev.eskit.queries.catalog;

import dev.eskit.commands.api.EventTypes;
import dev.eskit.commands.api.StreamDeleted;
import dev.eskit.commands.api.StreamMetadataSet;
import dev.eskit.commands.api.StreamVersions;
import dev.eskit.processing.api.BatchedWrites;
import dev.eskit.processing.api.Projections;
import dev.eskit.queries.support.SqlTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * batches as it commits, in the transaction that stores its token, so a retried batch counts nothing
 * twice. A deleted stream leaves {@code catalog_stream} and its partition's stream count.
 */
@Component
@ProcessingGroup(Projections.CATALOG)
class CatalogProjection {

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    CatalogProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM catalog_stream");
        jdbc.update("DELETE FROM catalog_partition");
        jdbc.update("DELETE FROM catalog_event_type");
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event, @Timestamp Instant at) {
        String type = EventTypes.of(event);
        if (payload instanceof StreamMetadataSet) {
            // a stream's metadata is counted, but its aggregate is no stream a client can read: it is not listed
            writes.change(Projections.CATALOG, CatalogChanges::new, changes -> changes.counted(EventTypes.partitionOf(type), type), this::write);
            return;
        }
        writes.change(Projections.CATALOG, CatalogChanges::new, changes -> changes.stored(event.getAggregateIdentifier(),
                EventTypes.partitionOf(type), type, StreamVersions.ofSequence(event.getSequenceNumber()), at, payload instanceof StreamDeleted), this::write);
    }

    /**
     * Both segments add to the same partition and type rows, so the counts are written under one
     * lock (V5_6). Without it two batches that met two partitions in opposite orders deadlocked under
     * load, the loser's events going to the dead letters uncounted, and two that met a new name both
     * inserted its row, one failing and making the catalog write event by event for a minute.
     */
    private void write(CatalogChanges changes) {
        Map<String, Long> streamsGained = writeStreams(changes.streams());
        jdbc.queryForObject("SELECT id FROM catalog_counts_lock WHERE id = 1 FOR UPDATE", Integer.class);
        List<Object[]> partitions = new ArrayList<>();
        changes.partitionEvents().forEach((name, events) -> partitions.add(new Object[] {events, streamsGained.getOrDefault(name, 0L), name}));
        upsertCounts("UPDATE catalog_partition SET events = events + ?, streams = streams + ? WHERE name = ?",
                "INSERT INTO catalog_partition (events, streams, name) VALUES (?, ?, ?)", partitions);
        List<Object[]> types = new ArrayList<>();
        changes.typeEvents().forEach((name, events) -> types.add(new Object[] {events, name}));
        upsertCounts("UPDATE catalog_event_type SET events = events + ? WHERE name = ?",
                "INSERT INTO catalog_event_type (events, name) VALUES (?, ?)", types);
    }

    /** Deletes, updates and inserts the streams' rows; answers how many streams each partition gained (or lost). */
    private Map<String, Long> writeStreams(Map<String, CatalogChanges.StreamChange> streams) {
        Map<String, Long> gained = new HashMap<>();
        List<String> deleted = streams.keySet().stream().filter(id -> streams.get(id).deletedFirst()).toList();
        int[] removed = jdbc.batchUpdate("DELETE FROM catalog_stream WHERE stream_id = ?", deleted.stream().map(id -> new Object[] {id}).toList());
        for (int i = 0; i < deleted.size(); i++) {
            gained.merge(streams.get(deleted.get(i)).partition(), (long) -removed[i], Long::sum);
        }
        List<String> kept = streams.keySet().stream().filter(id -> !streams.get(id).removed()).toList();
        List<String> listed = kept.stream().filter(id -> !streams.get(id).rowless()).toList();
        int[] updated = jdbc.batchUpdate("UPDATE catalog_stream SET version = ?, updated_at = ? WHERE stream_id = ?",
                listed.stream().map(id -> new Object[] {streams.get(id).version(), SqlTimestamps.of(streams.get(id).updatedAt()), id}).toList());
        List<String> inserted = new ArrayList<>(kept.stream().filter(id -> streams.get(id).rowless()).toList());
        for (int i = 0; i < listed.size(); i++) {
            if (updated[i] == 0) {
                inserted.add(listed.get(i));
            }
        }
        List<Object[]> inserts = new ArrayList<>();
        for (String id : inserted) {
            CatalogChanges.StreamChange stream = streams.get(id);
            inserts.add(new Object[] {id, stream.partition(), stream.version(), SqlTimestamps.of(stream.createdAt()),
                    SqlTimestamps.of(stream.updatedAt())});
            gained.merge(stream.partition(), 1L, Long::sum);
        }
        jdbc.batchUpdate("INSERT INTO catalog_stream (stream_id, partition, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                inserts);
        return gained;
    }

    /** Adds to the counts of names that have a row, and inserts the others; each row's values end with the name. */
    private void upsertCounts(String update, String insert, List<Object[]> rows) {
        int[] updated = jdbc.batchUpdate(update, rows);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        jdbc.batchUpdate(insert, missing);
    }
}

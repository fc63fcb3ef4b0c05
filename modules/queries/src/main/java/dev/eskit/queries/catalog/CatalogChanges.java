package dev.eskit.queries.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one batch of events changes in the catalog: each stream's newest version, and how many events
 * (and new streams) each partition and event type gained. A stream is new at its version 1.
 */
final class CatalogChanges {

    private final Map<String, StreamChange> streams = new LinkedHashMap<>();
    private final Map<String, long[]> partitions = new LinkedHashMap<>();
    private final Map<String, long[]> eventTypes = new LinkedHashMap<>();

    void stored(String streamId, String partition, String type, long version, Instant at) {
        streams.merge(streamId, new StreamChange(partition, version, at, at),
                (earlier, later) -> new StreamChange(earlier.partition(), later.version(), earlier.createdAt(), later.updatedAt()));
        long[] partitionCounts = partitions.computeIfAbsent(partition, name -> new long[2]);
        partitionCounts[0]++;
        if (version == 1) {
            partitionCounts[1]++;
        }
        eventTypes.computeIfAbsent(type, name -> new long[1])[0]++;
    }

    Map<String, StreamChange> streams() {
        return streams;
    }

    /** Per partition: events gained, streams gained, its name. */
    Map<String, Object[]> partitions() {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        partitions.forEach((name, counts) -> rows.put(name, new Object[] {counts[0], counts[1], name}));
        return rows;
    }

    /** Per event type: events gained, its name. */
    Map<String, Object[]> eventTypes() {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        eventTypes.forEach((name, counts) -> rows.put(name, new Object[] {counts[0], name}));
        return rows;
    }

    /** A stream's state after the batch; {@code createdAt} counts only where the batch holds its first event. */
    record StreamChange(String partition, long version, Instant createdAt, Instant updatedAt) {
    }
}

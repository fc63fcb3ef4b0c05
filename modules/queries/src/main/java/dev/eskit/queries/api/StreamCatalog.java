package dev.eskit.queries.api;

import java.time.Instant;
import java.util.List;

/**
 * Every stream, partition and event type the log holds, from a view kept by the projection
 * {@link Projections#CATALOG} as events are stored, so that a listing never scans the event table.
 */
public interface StreamCatalog {

    /**
     * Up to {@code limit} streams whose id starts with {@code prefix} (empty: any), in
     * {@code partition} (null: any), ordered by id, after the page {@code cursor} ended (null: from the first).
     */
    Page<StreamEntry> streams(String prefix, String partition, int limit, String cursor);

    /** Up to {@code limit} partitions with their event and stream counts, by name, after {@code cursor} (null: from the first). */
    Page<PartitionCount> partitions(int limit, String cursor);

    /** Up to {@code limit} event types with their event counts, by name, after {@code cursor} (null: from the first). */
    Page<NameCount> eventTypes(int limit, String cursor);

    /** A stream as listed: its partition, version and when it last changed. */
    record StreamEntry(String streamId, String partition, long version, Instant updatedAt) {
    }

    /** A partition: how many events and streams it holds. */
    record PartitionCount(String name, long count, long streams) {
    }

    /** An event type: how many events of it are stored. */
    record NameCount(String name, long count) {
    }

    /** A page of a listing; {@code next} is the cursor of the following page, null after the last. */
    record Page<T>(List<T> items, String next) {
    }
}

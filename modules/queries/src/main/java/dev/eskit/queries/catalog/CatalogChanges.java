package dev.eskit.queries.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one batch of events changes in the catalog: each stream's newest state, and how many events
 * each partition and event type gained. A deleted stream leaves the listing, and one appended to
 * after its deletion comes back as a new entry. How many streams a partition gains or loses is
 * only known when the rows are written.
 */
final class CatalogChanges {

    private final Map<String, StreamChange> streams = new LinkedHashMap<>();
    private final Map<String, Long> partitionEvents = new LinkedHashMap<>();
    private final Map<String, Long> typeEvents = new LinkedHashMap<>();

    void stored(String streamId, String partition, String type, long version, Instant at, boolean deletion) {
        StreamChange earlier = streams.get(streamId);
        StreamChange change;
        if (deletion) {
            change = new StreamChange(partition, version, at, at, true, true, false);
        } else if (earlier == null || earlier.removed()) {
            change = new StreamChange(partition, version, at, at, earlier != null, false, earlier == null && version == 1);
        } else {
            change = new StreamChange(partition, version, earlier.createdAt(), at, earlier.deletedFirst(), false, earlier.begun());
        }
        streams.put(streamId, change);
        counted(partition, type);
    }

    /** An event that counts for its partition and type but belongs to no listed stream. */
    void counted(String partition, String type) {
        partitionEvents.merge(partition, 1L, Long::sum);
        typeEvents.merge(type, 1L, Long::sum);
    }

    Map<String, StreamChange> streams() {
        return streams;
    }

    Map<String, Long> partitionEvents() {
        return partitionEvents;
    }

    Map<String, Long> typeEvents() {
        return typeEvents;
    }

    /**
     * A stream's state after the batch. {@code deletedFirst}: its row goes before anything else is
     * written; {@code removed}: it stays out of the listing; {@code begun}: the batch holds the
     * stream's first event. {@code createdAt} counts only where the row is inserted.
     */
    record StreamChange(String partition, long version, Instant createdAt, Instant updatedAt, boolean deletedFirst, boolean removed,
                        boolean begun) {

        /**
         * No row stands for the stream when the batch's is written, so it is inserted without trying
         * an update first. A stream that begins in the batch has none: a stream's newest event is
         * never purged, so its version never starts again at 1 while its row is listed.
         */
        boolean rowless() {
            return begun || deletedFirst;
        }
    }
}

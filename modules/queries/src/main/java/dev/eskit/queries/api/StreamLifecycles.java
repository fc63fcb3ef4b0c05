package dev.eskit.queries.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Where each raw stream stands after its deletions and under its metadata, known as soon as either is stored. */
public interface StreamLifecycles {

    /** The stream's lifecycle; a stream never deleted and without metadata shows all its events. */
    Lifecycle of(String streamId);

    /** The streams whose deletions or metadata retire some of their events. */
    List<String> retiring();

    /**
     * {@code deletedThrough}: the version of the latest deletion (0: none). The metadata, at its own
     * {@code metadataVersion} (0: none), retires events older than {@code maxAgeSeconds}, all but the
     * newest {@code maxCount} and those below {@code truncateBefore}; a null limit is no limit.
     */
    record Lifecycle(long deletedThrough, boolean tombstoned, long metadataVersion, Long maxAgeSeconds, Long maxCount,
                     Long truncateBefore, JsonNode custom) {

        public static final Lifecycle UNTOUCHED = new Lifecycle(0, false, 0, null, null, null, null);

        /** Whether a stream at {@code version} has an event after its latest deletion. */
        public boolean showsEventsAt(long version) {
            return version > deletedThrough;
        }

        /** The oldest version reads show of a stream at {@code version}, by deletion, truncation and count. */
        public long firstVisibleVersion(long version) {
            long first = deletedThrough + 1;
            if (truncateBefore != null) {
                first = Math.max(first, truncateBefore);
            }
            if (maxCount != null) {
                first = Math.max(first, version - maxCount + 1);
            }
            return first;
        }

        /** Events stored before this instant are retired by age; null when the metadata sets no age. */
        public Instant retiredBefore(Instant now) {
            return maxAgeSeconds == null ? null : now.minus(Duration.ofSeconds(maxAgeSeconds));
        }
    }
}

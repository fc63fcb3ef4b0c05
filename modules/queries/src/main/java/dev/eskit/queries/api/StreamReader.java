package dev.eskit.queries.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Reads streams straight from the event store: always up to date, never a projection. */
public interface StreamReader {

    /**
     * Newest first: events from {@code fromVersion} (0: the stream's last) down to {@code toVersion},
     * at most {@code limit}; empty when the stream does not exist.
     */
    default Optional<StreamEvents> backwards(String streamId, long fromVersion, long toVersion, int limit) {
        long version = version(streamId);
        if (version == 0) {
            return Optional.empty();
        }
        long from = fromVersion == 0 ? version : Math.min(fromVersion, version);
        long lowest = Math.max(Math.max(toVersion, 1), from - limit + 1);
        if (from < lowest) {
            return Optional.of(new StreamEvents(streamId, version, List.of()));
        }
        return events(streamId, lowest, from, limit).map(slice -> {
            List<LoggedEvent> newestFirst = new ArrayList<>(slice.events());
            Collections.reverse(newestFirst);
            return new StreamEvents(streamId, slice.version(), newestFirst);
        });
    }

    /** Events with versions in [fromVersion, toVersion], at most {@code limit}; empty when the stream does not exist. */
    Optional<StreamEvents> events(String streamId, long fromVersion, long toVersion, int limit);

    /** The log positions of a stream's events with versions in [fromVersion, toVersion]. */
    List<Long> positions(String streamId, long fromVersion, long toVersion);

    /** The stream's version, 0 when it has no events. */
    long version(String streamId);
}

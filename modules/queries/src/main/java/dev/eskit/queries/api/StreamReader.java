package dev.eskit.queries.api;

import java.util.List;
import java.util.Optional;

/** Reads streams straight from the event store: always up to date, never a projection. */
public interface StreamReader {

    /** The stream's partition, version and the timestamps of its first and last events; empty when it does not exist. */
    default Optional<StreamSummary> summary(String streamId) {
        Optional<StreamEvents> first = events(streamId, 1, 1, 1);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        long version = first.get().version();
        LoggedEvent created = first.get().events().get(0);
        LoggedEvent last = version == 1 ? created : events(streamId, version, version, 1).orElseThrow().events().get(0);
        String partition = created.type().substring(0, created.type().lastIndexOf('.'));
        return Optional.of(new StreamSummary(streamId, partition, version, created.timestamp(), last.timestamp()));
    }

    /** Events with versions in [fromVersion, toVersion], at most {@code limit}; empty when the stream does not exist. */
    Optional<StreamEvents> events(String streamId, long fromVersion, long toVersion, int limit);

    /** The log positions of a stream's events with versions in [fromVersion, toVersion]. */
    List<Long> positions(String streamId, long fromVersion, long toVersion);

    /** The stream's version, 0 when it has no events. */
    long version(String streamId);
}

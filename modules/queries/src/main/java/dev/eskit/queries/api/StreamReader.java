package dev.eskit.queries.api;

import java.util.List;
import java.util.Optional;

/** Reads streams straight from the event store: always up to date, never a projection. */
public interface StreamReader {

    Optional<StreamSummary> summary(String streamId);

    /** Events with versions in [fromVersion, toVersion], at most {@code limit}; empty when the stream does not exist. */
    Optional<StreamEvents> events(String streamId, long fromVersion, long toVersion, int limit);

    /** The log positions of a stream's events with versions in [fromVersion, toVersion]. */
    List<Long> positions(String streamId, long fromVersion, long toVersion);

    /** The stream's version, 0 when it has no events. */
    long version(String streamId);
}

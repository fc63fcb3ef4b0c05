package dev.eskit.queries.api;

import java.util.Map;

/**
 * The global log positions of stream events, as the processor {@link Projections#STREAM_POSITIONS}
 * indexed them. Axon Server reads a stream without the positions of its events, which the API shows
 * with every event; this index supplies them. It exists only with {@code eskit.store.reads=event-store}.
 */
public interface StreamPositions {

    /** Version to position for the indexed events of {@code streamId} with versions in [fromVersion, toVersion]. */
    Map<Long, Long> indexed(String streamId, long fromVersion, long toVersion);
}

package dev.eskit.web.streams;

import dev.eskit.commands.api.EventTypes;
import dev.eskit.queries.api.LoggedEvent;
import dev.eskit.queries.api.StreamEvents;
import dev.eskit.queries.api.StreamLifecycles;
import dev.eskit.queries.api.StreamLifecycles.Lifecycle;
import dev.eskit.queries.api.StreamReader;
import dev.eskit.queries.api.StreamSummary;
import dev.eskit.web.problem.Problems;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * A stream as every API reads it: only the events after its latest deletion, 404 while it shows none
 * (never written, or soft-deleted since), 410 once it is tombstoned. Versions stay the stream's own,
 * deletions counted, so that a reader's versions are the ones writers expect.
 */
@Component
public class StreamReads {

    private final StreamReader streams;
    private final StreamLifecycles lifecycles;

    StreamReads(StreamReader streams, StreamLifecycles lifecycles) {
        this.streams = streams;
        this.lifecycles = lifecycles;
    }

    /** Oldest first, from {@code fromVersion} to {@code toVersion}, at most {@code limit}. */
    public StreamEvents forwards(String streamId, long fromVersion, long toVersion, int limit) {
        Lifecycle lifecycle = visible(streamId);
        return streams.events(streamId, Math.max(fromVersion, lifecycle.firstVisibleVersion()), toVersion, limit)
                .filter(events -> lifecycle.showsEventsAt(events.version()))
                .orElseThrow(() -> StreamIds.unknown(streamId));
    }

    /** Newest first, from {@code fromVersion} (0: the last) down to {@code toVersion}, at most {@code limit}. */
    public StreamEvents backwards(String streamId, long fromVersion, long toVersion, int limit) {
        Lifecycle lifecycle = visible(streamId);
        return streams.backwards(streamId, fromVersion, Math.max(toVersion, lifecycle.firstVisibleVersion()), limit)
                .filter(events -> lifecycle.showsEventsAt(events.version()))
                .orElseThrow(() -> StreamIds.unknown(streamId));
    }

    /** Its partition and version, and when its first and last visible events were stored. */
    public StreamSummary summary(String streamId) {
        StreamEvents first = forwards(streamId, 1, Long.MAX_VALUE, 1);
        LoggedEvent created = first.events().get(0);
        LoggedEvent last = first.version() == created.version() ? created
                : streams.events(streamId, first.version(), first.version(), 1).orElseThrow().events().get(0);
        return new StreamSummary(streamId, EventTypes.partitionOf(created.type()), first.version(),
                created.timestamp(), last.timestamp());
    }

    private Lifecycle visible(String streamId) {
        Lifecycle lifecycle = lifecycles.of(streamId);
        if (lifecycle.tombstoned()) {
            throw new ErrorResponseException(HttpStatus.GONE,
                    Problems.detail(HttpStatus.GONE, "stream-tombstoned", "stream " + streamId + " was deleted for ever"), null);
        }
        return lifecycle;
    }
}

package dev.eskit.web.streams;

import dev.eskit.commands.api.EventTypes;
import dev.eskit.queries.api.LoggedEvent;
import dev.eskit.queries.api.StreamEvents;
import dev.eskit.queries.api.StreamLifecycles;
import dev.eskit.queries.api.StreamLifecycles.Lifecycle;
import dev.eskit.queries.api.StreamReader;
import dev.eskit.queries.api.StreamSummary;
import dev.eskit.web.problem.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * A stream as every API reads it: only the events after its latest deletion, 404 while it shows none
 * (never written, or soft-deleted since), 410 once it is tombstoned; and of those, only the events its
 * metadata has not retired (by age, count or truncation; a stream whose events are all retired reads
 * empty). Versions stay the stream's own, deletions counted, so that a reader's versions are the ones
 * writers expect.
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
        Lifecycle lifecycle = lifecycle(streamId);
        Instant retiredBefore = lifecycle.retiredBefore(Instant.now());
        long from = Math.max(fromVersion, firstVisible(streamId, lifecycle));
        List<LoggedEvent> shown = new ArrayList<>();
        StreamEvents page;
        do {
            page = streams.events(streamId, from, toVersion, limit).filter(events -> lifecycle.showsEventsAt(events.version()))
                    .orElseThrow(() -> StreamIds.unknown(streamId));
            // events retired by age are the oldest ones: a page of them only means the next page starts later
            page.events().stream().filter(event -> !retired(event, retiredBefore)).limit(limit - shown.size()).forEach(shown::add);
            from = page.events().isEmpty() ? from : page.events().get(page.events().size() - 1).version() + 1;
        } while (shown.size() < limit && !page.events().isEmpty() && retiredBefore != null && from <= toVersion);
        return new StreamEvents(streamId, page.version(), shown);
    }

    /** Newest first, from {@code fromVersion} (0: the last) down to {@code toVersion}, at most {@code limit}. */
    public StreamEvents backwards(String streamId, long fromVersion, long toVersion, int limit) {
        Lifecycle lifecycle = lifecycle(streamId);
        Instant retiredBefore = lifecycle.retiredBefore(Instant.now());
        StreamEvents page = streams.backwards(streamId, fromVersion, Math.max(toVersion, firstVisible(streamId, lifecycle)), limit)
                .filter(events -> lifecycle.showsEventsAt(events.version()))
                .orElseThrow(() -> StreamIds.unknown(streamId));
        return new StreamEvents(streamId, page.version(), page.events().stream().takeWhile(event -> !retired(event, retiredBefore)).toList());
    }

    /** The oldest version the metadata and deletions leave; the stream's version is read only when a count limits it. */
    private long firstVisible(String streamId, Lifecycle lifecycle) {
        return lifecycle.firstVisibleVersion(lifecycle.maxCount() == null ? 0 : streams.version(streamId));
    }

    private static boolean retired(LoggedEvent event, Instant retiredBefore) {
        return retiredBefore != null && event.timestamp().isBefore(retiredBefore);
    }

    /** Its partition and version, and when its first event after its latest deletion and its last event were stored. */
    public StreamSummary summary(String streamId) {
        Lifecycle lifecycle = lifecycle(streamId);
        StreamEvents first = streams.events(streamId, lifecycle.deletedThrough() + 1, Long.MAX_VALUE, 1)
                .filter(events -> lifecycle.showsEventsAt(events.version()))
                .orElseThrow(() -> StreamIds.unknown(streamId));
        LoggedEvent created = first.events().get(0);
        LoggedEvent last = first.version() == created.version() ? created
                : streams.events(streamId, first.version(), first.version(), 1).orElseThrow().events().get(0);
        return new StreamSummary(streamId, EventTypes.partitionOf(created.type()), first.version(), created.timestamp(), last.timestamp());
    }

    /** The stream's lifecycle, unless it is tombstoned (410). */
    public Lifecycle lifecycle(String streamId) {
        Lifecycle lifecycle = lifecycles.of(streamId);
        if (lifecycle.tombstoned()) {
            throw new ErrorResponseException(HttpStatus.GONE,
                    Problems.detail(HttpStatus.GONE, "stream-tombstoned", "stream " + streamId + " was deleted for ever"), null);
        }
        return lifecycle;
    }
}

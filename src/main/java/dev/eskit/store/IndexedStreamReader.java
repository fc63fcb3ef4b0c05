package dev.eskit.store;

import dev.eskit.commands.api.StreamVersions;
import dev.eskit.processing.api.EventProcessors;
import dev.eskit.processing.api.LogHead;
import dev.eskit.processing.api.ProjectionProperties;
import dev.eskit.processing.api.Projections;
import dev.eskit.queries.api.EventDescriber;
import dev.eskit.queries.api.LoggedEvent;
import dev.eskit.queries.api.StreamEvents;
import dev.eskit.queries.api.StreamPositions;
import dev.eskit.queries.api.StreamReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;

/**
 * Reads streams through Axon's event store API, for stores whose stream reads do not say where each
 * event sits in the global log (Axon Server). Events and versions come from the store, so they are
 * always current; positions come from the {@code stream-positions} index, and when it has not indexed
 * an event yet, the read waits for it as a write waits for its projection.
 */
@Service
@ConditionalOnProperty(name = "eskit.store.reads", havingValue = "event-store")
class IndexedStreamReader implements StreamReader {

    private static final long GAP_WAIT_NANOS = Duration.ofMillis(100).toNanos();

    private final EventStore eventStore;
    private final StreamPositions index;
    private final EventDescriber describer;
    private final EventProcessors processors;
    private final ProjectionProperties properties;

    IndexedStreamReader(EventStore eventStore, StreamPositions index, EventDescriber describer, EventProcessors processors,
                        ProjectionProperties properties) {
        this.eventStore = eventStore;
        this.index = index;
        this.describer = describer;
        this.processors = processors;
        this.properties = properties;
    }

    @Override
    public Optional<StreamEvents> events(String streamId, long fromVersion, long toVersion, int limit) {
        long version = version(streamId);
        if (version == 0) {
            return Optional.empty();
        }
        return Optional.of(new StreamEvents(streamId, version, read(streamId, fromVersion, toVersion, limit)));
    }

    @Override
    public List<Long> positions(String streamId, long fromVersion, long toVersion) {
        long last = Math.min(toVersion, version(streamId));
        if (last < fromVersion) {
            return List.of();
        }
        return List.copyOf(indexed(streamId, fromVersion, last).values());
    }

    @Override
    public long version(String streamId) {
        return eventStore.lastSequenceNumberFor(streamId).map(StreamVersions::ofSequence).orElse(0L);
    }

    private List<LoggedEvent> read(String streamId, long fromVersion, long toVersion, int limit) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(streamId, StreamVersions.toSequence(fromVersion));
        while (events.size() < limit && stream.hasNext() && StreamVersions.ofSequence(stream.peek().getSequenceNumber()) <= toVersion) {
            events.add(stream.next());
        }
        if (events.isEmpty()) {
            return List.of();
        }
        long lastVersion = StreamVersions.ofSequence(events.get(events.size() - 1).getSequenceNumber());
        Map<Long, Long> positions = indexed(streamId, fromVersion, lastVersion);
        return events.stream()
                .map(event -> describer.describe(event, positions.get(StreamVersions.ofSequence(event.getSequenceNumber())), true))
                .toList();
    }

    /** Every version in [fromVersion, toVersion] with its position, waiting for the index when it lags the store. */
    private Map<Long, Long> indexed(String streamId, long fromVersion, long toVersion) {
        long wanted = toVersion - fromVersion + 1;
        Map<Long, Long> positions = index.indexed(streamId, fromVersion, toVersion);
        if (positions.size() == wanted) {
            return positions;
        }
        long deadline = System.nanoTime() + properties.readYourWritesTimeout().toNanos();
        long head = LogHead.of(eventStore);
        for (long waitFor = head; positions.size() < wanted; waitFor++) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new DataAccessResourceFailureException("the stream position index has not caught up with the store within "
                        + properties.readYourWritesTimeout() + "; see the processor " + Projections.STREAM_POSITIONS);
            }
            // first the head; then, for an event below it that is still a gap (the JDBC store commits out of
            // order), each further commit of the index, until the event is in
            awaitIndex(waitFor, waitFor == head ? remaining : Math.min(remaining, GAP_WAIT_NANOS));
            positions = index.indexed(streamId, fromVersion, toVersion);
        }
        return positions;
    }

    private void awaitIndex(long position, long nanos) {
        try {
            processors.awaitProcessed(Projections.STREAM_POSITIONS, position, Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

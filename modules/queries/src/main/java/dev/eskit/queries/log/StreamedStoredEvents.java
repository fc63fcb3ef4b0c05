package dev.eskit.queries.log;

import java.time.Duration;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Through the event store's own stream, up to the head as it was when the read began. Axon Server
 * has no storage engine in this process; its stream delivers every event up to the head it reports,
 * so reading until that head sees every commit acknowledged before the read.
 */
@Component
@ConditionalOnProperty(name = "eskit.store.reads", havingValue = "event-store")
class StreamedStoredEvents implements StoredEvents {

    /** How long to wait for an event that the head says exists before calling the store unavailable. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private final EventStore eventStore;

    StreamedStoredEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> after(TrackingToken position) {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        long start = position == null ? -1 : position.position().orElse(-1);
        if (start >= head) {
            return Stream.empty();
        }
        BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(position);
        return StreamSupport.stream(new UpToHead(events, head), false).onClose(events::close);
    }

    /** Hands out events until one at or past the head has been handed out. */
    private static final class UpToHead extends Spliterators.AbstractSpliterator<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> events;
        private final long head;
        private boolean reachedHead;

        UpToHead(BlockingStream<TrackedEventMessage<?>> events, long head) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.events = events;
            this.head = head;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
            if (reachedHead) {
                return false;
            }
            try {
                if (!events.hasNextAvailable((int) DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the event store reported head " + head
                            + " but delivered nothing up to it within " + DELIVERY_TIMEOUT);
                }
                TrackedEventMessage<?> next = events.nextAvailable();
                reachedHead = next.trackingToken().position().orElse(head) >= head;
                action.accept(next);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}

package dev.eskit.processing.projections;

import dev.eskit.processing.api.ProjectionProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The log as the projections follow it (their {@code source} in application.yml): the event store's,
 * with at most one batch per {@code eskit.projections.min-batch-interval} while they are at its head.
 * Each batch costs a projection a transaction and a token update whatever its size; following every
 * group commit, a projection took a batch of a dozen events and its fixed costs were most of its
 * work. While events keep coming, a projection that has drained the log waits out the rest of the
 * interval since its last batch began before it takes the next one, which then holds everything
 * that arrived meanwhile. A projection that is behind (its last batch did not drain the log, as in
 * a replay) never waits, nor does one whose last batch began longer than the interval ago: a lone
 * write is projected at once.
 */
@Component(PacedProjectionFeed.BEAN)
class PacedProjectionFeed implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** The bean's name, as the projections' {@code source} names it. */
    static final String BEAN = "projectionFeed";

    private final ObjectProvider<EventStore> store;
    private final Duration interval;

    PacedProjectionFeed(ObjectProvider<EventStore> store, ProjectionProperties properties) {
        this.store = store;
        this.interval = properties.minBatchInterval();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PacedStream<>(store.getObject().openStream(trackingToken), interval.toNanos());
    }

    @Override
    public TrackingToken createTailToken() {
        return store.getObject().createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.getObject().createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.getObject().createTokenAt(dateTime);
    }

    /**
     * One segment's stream. Axon's tracking processor asks {@code hasNextAvailable(timeout)} before each
     * batch and fills the batch while {@code peek()} finds more: a batch that ends on an empty
     * {@code peek()} drained the log.
     */
    static final class PacedStream<M> implements BlockingStream<M> {

        private final BlockingStream<M> delegate;
        private final long intervalNanos;
        private long batchBegan = System.nanoTime();
        private boolean drained;

        PacedStream(BlockingStream<M> delegate, long intervalNanos) {
            this.delegate = delegate;
            this.intervalNanos = intervalNanos;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (!delegate.hasNextAvailable(timeout, unit)) {
                return false;
            }
            long wait = batchBegan + intervalNanos - System.nanoTime();
            if (drained && wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            batchBegan = System.nanoTime();
            drained = false;
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public Optional<M> peek() {
            Optional<M> next = delegate.peek();
            drained = next.isEmpty();
            return next;
        }

        @Override
        public M nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(M ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return delegate.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}

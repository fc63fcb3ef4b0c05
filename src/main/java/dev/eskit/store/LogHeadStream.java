package dev.eskit.store;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * One tracking processor's way through the log: from the table on a query of its own while it is
 * behind, from the shared {@link LogHead} once that query has nothing more, and back to a query of its
 * own whenever the ring has moved past it.
 */
final class LogHeadStream implements TrackingEventStream {

    private final LogHead head;
    private final EventStorageEngine engine;
    private TrackingToken lastToken;
    private long nextIndex = LogHead.NOT_IN_RING;
    private Stream<? extends TrackedEventMessage<?>> ownQuery;
    private Iterator<? extends TrackedEventMessage<?>> ownEvents;
    private TrackedEventMessage<?> peeked;

    LogHeadStream(LogHead head, EventStorageEngine engine, TrackingToken from) {
        this.head = head;
        this.engine = engine;
        this.lastToken = from;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        try {
            return hasNextAvailable(0, TimeUnit.MILLISECONDS) ? Optional.of(peeked) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        if (peeked == null) {
            peeked = next(timeout, unit);
        }
        return peeked != null;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
            // the wait ran out: wait again (a processor that stops interrupts its thread)
        }
        TrackedEventMessage<?> event = peeked;
        peeked = null;
        return event;
    }

    private TrackedEventMessage<?> next(int timeout, TimeUnit unit) throws InterruptedException {
        if (nextIndex == LogHead.NOT_IN_RING) {
            TrackedEventMessage<?> own = nextOfOwnQuery();
            if (own != null) {
                return taken(own);
            }
            long end = head.end();
            nextIndex = head.join(lastToken);
            if (nextIndex == LogHead.NOT_IN_RING) {
                // the ring holds no event that follows this stream's: query again once another is appended
                head.awaitIndex(end, timeout, unit);
                return null;
            }
        }
        LogHead.Slot slot = head.slot(nextIndex);
        if (slot == null && head.awaitIndex(nextIndex, timeout, unit)) {
            slot = head.slot(nextIndex);
        }
        if (slot == LogHead.OVERWRITTEN) {
            nextIndex = LogHead.NOT_IN_RING;
            return next(timeout, unit);
        }
        if (slot == null) {
            return null;
        }
        nextIndex++;
        return taken(slot.event());
    }

    /** The next event of this stream's own query, or null when it has none (the query is then closed). */
    private TrackedEventMessage<?> nextOfOwnQuery() {
        if (ownEvents == null) {
            ownQuery = engine.readEvents(lastToken, false);
            ownEvents = ownQuery.iterator();
        }
        if (ownEvents.hasNext()) {
            return ownEvents.next();
        }
        closeOwnQuery();
        return null;
    }

    private TrackedEventMessage<?> taken(TrackedEventMessage<?> event) {
        lastToken = event.trackingToken();
        return event;
    }

    private void closeOwnQuery() {
        if (ownQuery != null) {
            ownQuery.close();
            ownQuery = null;
            ownEvents = null;
        }
    }

    @Override
    public void close() {
        closeOwnQuery();
    }
}

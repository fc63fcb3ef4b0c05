package dev.eskit.store;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest events of the log, read from the table once by one thread for every tracking processor
 * at the head. They are kept in a ring of numbered slots: a slot holds one event and the token before
 * it, and nothing links one slot to the next. (Axon's EmbeddedEventStore keeps them in a linked list;
 * once one node of it had been promoted to the old generation, it kept every later node reachable for
 * the young collector until the next old collection, so that each young collection copied every
 * event since the last one: about 80 MB a collection under W1.)
 * <p>
 * The head reads one batch at a time, after a commit of this instance or at its poll, and reads on
 * at once only after a full batch. (Reading the table to its end costs a read that finds nothing,
 * plus Axon's look for a gap wider than a batch after it; with the read that followed each
 * non-empty one, the head made five statements per group commit under W1, four of them for
 * nothing, and took 8 % of the product's CPU.) A batch covers a range of positions, so events past
 * a run of positions whose transactions rolled back can be left for the next read; that read
 * comes with the next commit and at most {@link #RECHECK_MILLIS} after a read that found some.
 */
final class LogHead implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LogHead.class);

    /** Slot {@code index} of the log head, holding the event that follows {@code previousToken}. */
    record Slot(long index, TrackingToken previousToken, TrackedEventMessage<?> event) {
    }

    /** One read of the table after a token, and whether it stopped at the most one read returns. */
    record Batch(List<? extends TrackedEventMessage<?>> events, boolean full) {
    }

    /** How soon the head reads again after a read that found events, when no commit comes first. */
    static final long RECHECK_MILLIS = 10;

    /** What {@link #join} answers for a token that no slot follows. */
    static final long NOT_IN_RING = -1;

    /** What {@link #slot} answers for an index no longer in the ring. */
    static final Slot OVERWRITTEN = new Slot(NOT_IN_RING, null, null);

    private final Function<TrackingToken, Batch> reads;
    private final AtomicReferenceArray<Slot> slots;
    private final long fetchDelayNanos;
    private final long recheckNanos;
    /** A quarter of the ring: a reader in the middle of what is shown keeps its place in the ring. */
    private final int maxShownTogether;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final Condition fetchWanted = lock.newCondition();
    private volatile long next;
    private volatile boolean fetchRequested;
    private volatile boolean readerWaiting;
    private volatile boolean closed;
    private TrackingToken lastToken;
    private Thread reader;

    /**
     * @param reads      one read of the table after a token
     * @param fetchDelay how long the head waits for a commit after a read that found nothing
     */
    LogHead(Function<TrackingToken, Batch> reads, int capacity, long fetchDelay, TimeUnit unit) {
        this.reads = reads;
        this.slots = new AtomicReferenceArray<>(capacity);
        this.fetchDelayNanos = unit.toNanos(fetchDelay);
        this.recheckNanos = Math.min(fetchDelayNanos, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS));
        this.maxShownTogether = Math.max(1, capacity / 4);
    }

    /** Reads of at most {@code batchSize} events from the stream of any engine. */
    static Function<TrackingToken, Batch> batchesOf(EventStorageEngine engine, int batchSize) {
        return token -> {
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, true)) {
                List<? extends TrackedEventMessage<?>> batch = events.limit(batchSize).toList();
                return new Batch(batch, batch.size() == batchSize);
            }
        };
    }

    /**
     * The index of the event that follows {@code token} in the ring, or {@link #NOT_IN_RING}. The first
     * reader to join starts the ring at its token.
     */
    long join(TrackingToken token) {
        lock.lock();
        try {
            if (reader == null) {
                lastToken = token;
                reader = new Thread(this::readUntilClosed, "eskit-log-head");
                reader.setDaemon(true);
                reader.start();
                return 0;
            }
            long newest = next;
            if (newest == 0) {
                return Objects.equals(lastToken, token) ? 0 : NOT_IN_RING;
            }
            for (long index = Math.max(0, newest - slots.length()); index < newest; index++) {
                Slot slot = slots.get(slotOf(index));
                if (slot.index() == index && Objects.equals(slot.previousToken(), token)) {
                    return index;
                }
            }
            Slot last = slots.get(slotOf(newest - 1));
            return Objects.equals(last.event().trackingToken(), token) ? newest : NOT_IN_RING;
        } finally {
            lock.unlock();
        }
    }

    /** The index the next event read from the table will get. */
    long end() {
        return next;
    }

    /** The slot at {@code index}; null while no event has come there, {@link #OVERWRITTEN} once it left the ring. */
    Slot slot(long index) {
        if (index >= next) {
            return null;
        }
        Slot slot = slots.get(slotOf(index));
        return slot.index() == index ? slot : OVERWRITTEN;
    }

    /** Waits until an event comes at {@code index} or later, at most {@code timeout}; false if none came. */
    boolean awaitIndex(long index, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (next <= index) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = appended.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A commit of this instance: the reader fetches at once instead of at its next poll. Only a
     * reader that is waiting needs the lock and a signal; this runs in every group commit.
     */
    void fetchNow() {
        fetchRequested = true;
        if (readerWaiting) {
            lock.lock();
            try {
                fetchWanted.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    private void readUntilClosed() {
        while (!closed) {
            fetchRequested = false;
            Batch batch = fetchOnce();
            if (!batch.full()) {
                awaitFetch(batch.events().isEmpty() ? fetchDelayNanos : recheckNanos);
            }
        }
    }

    /**
     * Reads one batch after the newest event and appends it. What one read returns is shown to the
     * readers together, as a processor reading the table itself gets it, so that the events of one
     * transaction stay in one batch of a processor that keeps up.
     */
    private Batch fetchOnce() {
        try {
            Batch batch = reads.apply(lastToken);
            List<? extends TrackedEventMessage<?>> events = batch.events();
            for (int from = 0; from < events.size() && !closed; from += maxShownTogether) {
                show(events.subList(from, Math.min(events.size(), from + maxShownTogether)));
            }
            return batch;
        } catch (RuntimeException e) {
            if (!closed) {
                log.error("Reading the head of the log failed; trying again", e);
            }
            return new Batch(List.of(), false);
        }
    }

    /** Puts the events in the ring and then lets the readers see them. */
    private void show(List<? extends TrackedEventMessage<?>> events) {
        long index = next;
        TrackingToken previous = lastToken;
        for (TrackedEventMessage<?> event : events) {
            slots.set(slotOf(index), new Slot(index, previous, event));
            previous = event.trackingToken();
            index++;
        }
        lock.lock();
        try {
            lastToken = previous;
            next = index;
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitFetch(long nanos) {
        lock.lock();
        try {
            // set before fetchRequested is read, as fetchNow sets fetchRequested before it reads this
            readerWaiting = true;
            if (!fetchRequested && !closed) {
                fetchWanted.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            readerWaiting = false;
            lock.unlock();
        }
    }

    private int slotOf(long index) {
        return (int) (index % slots.length());
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            fetchWanted.signal();
        } finally {
            lock.unlock();
        }
    }
}

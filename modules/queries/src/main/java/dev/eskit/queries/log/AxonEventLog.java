package dev.eskit.queries.log;

import dev.eskit.commands.api.EventTypes;
import dev.eskit.processing.api.LogHead;
import dev.eskit.queries.api.EventLog;
import dev.eskit.queries.api.LogFollower;
import dev.eskit.queries.api.LogPage;
import dev.eskit.queries.api.LoggedEvent;
import dev.eskit.queries.api.Selector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The global log read through Axon's own event streams, the ones its tracking processors use. The
 * cursor is the stream's tracking token, so the log inherits the store's handling of transactions
 * that commit out of order (gaps on JPA/JDBC, the global sequence on Axon Server).
 */
@Service
class AxonEventLog implements EventLog {

    private final EventStore eventStore;
    private final StoredEvents stored;
    private final AxonEventDescriber views;
    private final int maxScannedPerRead;

    AxonEventLog(EventStore eventStore, StoredEvents stored, AxonEventDescriber views,
                 @Value("${eskit.log.max-scanned-per-read:10000}") int maxScannedPerRead) {
        this.eventStore = eventStore;
        this.stored = stored;
        this.views = views;
        this.maxScannedPerRead = maxScannedPerRead;
    }

    /**
     * Scans the store directly first, so that a read right after a write sees it; only when nothing
     * matched and the caller wants to wait does it follow the event store's live stream. Stops after
     * {@code maxScannedPerRead} events even when few matched, so that a narrow selector over a long
     * log answers promptly; the cursor then still moves past what was scanned.
     */
    @Override
    public LogPage read(String cursor, int limit, Selector selector, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Scan scan = stored(cursor, limit, selector, maxScannedPerRead);
        if (scan.entries.isEmpty() && scan.wantsMore() && !wait.isZero()) {
            try (BlockingStream<TrackedEventMessage<?>> live = eventStore.openStream(scan.position)) {
                while (scan.wantsMore() && live.hasNextAvailable(
                        scan.entries.isEmpty() ? StoredEventFollower.millisUntil(deadline) : 0, TimeUnit.MILLISECONDS)) {
                    scan.take(live.nextAvailable());
                }
            }
        }
        return new LogPage(scan.entries, Cursors.encode(scan.position), head());
    }

    @Override
    public LogPage scan(String cursor, int limit, Selector selector, int maxScanned) {
        Scan scan = stored(cursor, limit, selector, Math.min(maxScanned, maxScannedPerRead));
        return new LogPage(scan.entries, Cursors.encode(scan.position), head());
    }

    private Scan stored(String cursor, int limit, Selector selector, int maxScanned) {
        Scan scan = new Scan(cursor == null ? null : Cursors.decode(cursor), limit, selector, maxScanned);
        try (Stream<? extends TrackedEventMessage<?>> events = stored.after(scan.position)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (scan.wantsMore() && iterator.hasNext()) {
                scan.take(iterator.next());
            }
        }
        return scan;
    }

    /**
     * One read's progress: what matched, and the token after the last event scanned. Only a
     * matching event is described; the others are only named.
     */
    private final class Scan {
        private final List<LoggedEvent> entries = new ArrayList<>();
        private final int limit;
        private final Selector selector;
        private final int maxScanned;
        private TrackingToken position;
        private int scanned;

        Scan(TrackingToken start, int limit, Selector selector, int maxScanned) {
            this.position = start;
            this.limit = limit;
            this.selector = selector;
            this.maxScanned = maxScanned;
        }

        boolean wantsMore() {
            return entries.size() < limit && scanned < maxScanned;
        }

        void take(TrackedEventMessage<?> message) {
            if (selector.matches(EventTypes.of(message))) {
                entries.add(views.of(message, LogPositions.of(position, message.trackingToken())));
            }
            position = message.trackingToken();
            scanned++;
        }
    }

    /**
     * Reads forwards through windows below the start, each twice as wide as the last, and takes each
     * window's events newest first; both stores read forwards only. The positions are the store's own
     * (gaps where appends rolled back on the JDBC store, dense on Axon Server), so a window may hold
     * fewer events than its width.
     */
    @Override
    public LogPage readBackwards(String cursor, int limit, Selector selector) {
        TrackingToken head = eventStore.createHeadToken();
        long below = cursor == null ? (head == null ? 0 : head.position().orElse(0) + 1) : Cursors.backwardStart(cursor);
        List<LoggedEvent> entries = new ArrayList<>();
        int scanned = 0;
        long width = limit;
        while (below > 0 && entries.size() < limit && scanned < maxScannedPerRead) {
            long from = Math.max(0, below - width);
            List<LoggedEvent> window = between(head, from, below);
            for (int i = window.size() - 1; i >= 0 && entries.size() < limit && scanned < maxScannedPerRead; i--) {
                LoggedEvent event = window.get(i);
                scanned++;
                below = event.position();
                if (selector.matches(event.type())) {
                    entries.add(event);
                }
            }
            if (entries.size() < limit && scanned < maxScannedPerRead) {
                below = from;
            }
            width *= 2;
        }
        return new LogPage(entries, Cursors.encodeBackward(below), head == null ? 0 : head.position().orElse(0));
    }

    /** The events at positions from {@code from} up to, not including, {@code below}, oldest first. */
    private List<LoggedEvent> between(TrackingToken head, long from, long below) {
        TrackingToken start = justBefore(head, from);
        List<LoggedEvent> events = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stored = this.stored.after(start)) {
            TrackingToken previous = start;
            for (Iterator<? extends TrackedEventMessage<?>> iterator = stored.iterator(); iterator.hasNext(); ) {
                TrackedEventMessage<?> message = iterator.next();
                long position = LogPositions.of(previous, message.trackingToken());
                previous = message.trackingToken();
                if (position >= below) {
                    break;
                }
                events.add(views.of(message, position));
            }
        }
        return events;
    }

    /** A token of the store's own kind after which the events at {@code position} and above follow. */
    private static TrackingToken justBefore(TrackingToken head, long position) {
        if (position <= 0) {
            return null;
        }
        return head instanceof GapAwareTrackingToken
                ? GapAwareTrackingToken.newInstance(position - 1, List.of())
                : new GlobalSequenceTrackingToken(position - 1);
    }

    @Override
    public LogFollower follow(String cursor, Selector selector) {
        TrackingToken start = cursor == null ? null : Cursors.decode(cursor);
        return new StoredEventFollower(eventStore.openStream(start), start, selector, views);
    }

    @Override
    public String cursorAt(Instant instant) {
        return Cursors.encode(eventStore.createTokenAt(instant));
    }

    @Override
    public String headCursor() {
        return Cursors.encode(eventStore.createHeadToken());
    }

    @Override
    public long head() {
        return LogHead.of(eventStore);
    }

    @Override
    public long positionOf(String cursor) {
        TrackingToken token = Cursors.decode(cursor);
        return token == null ? 0 : token.position().orElse(0);
    }
}

package dev.eskit.queries.log;

import dev.eskit.queries.api.EventLog;
import dev.eskit.queries.api.LogFollower;
import dev.eskit.queries.api.LogPage;
import dev.eskit.queries.api.LoggedEvent;
import dev.eskit.queries.api.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The global log read through Axon's own event stream, the one its tracking processors use. The
 * cursor is the stream's tracking token, so the log inherits the store's handling of transactions
 * that commit out of order (gaps on JPA/JDBC, the global sequence on Axon Server).
 */
@Service
class AxonEventLog implements EventLog {

    private final EventStore eventStore;
    private final EventViews views;
    private final int maxScannedPerRead;

    AxonEventLog(EventStore eventStore, EventViews views,
                 @Value("${eskit.log.max-scanned-per-read:10000}") int maxScannedPerRead) {
        this.eventStore = eventStore;
        this.views = views;
        this.maxScannedPerRead = maxScannedPerRead;
    }

    /**
     * Stops after {@code maxScannedPerRead} events even when few matched, so that a narrow selector
     * over a long log answers promptly; the cursor then still moves past what was scanned.
     */
    @Override
    public LogPage read(String cursor, int limit, Selector selector, Duration wait) throws InterruptedException {
        TrackingToken position = cursor == null ? null : Cursors.decode(cursor);
        long deadline = System.nanoTime() + wait.toNanos();
        List<LoggedEvent> entries = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(position)) {
            int scanned = 0;
            while (entries.size() < limit && scanned < maxScannedPerRead) {
                int waitMillis = entries.isEmpty() ? StoredEventFollower.millisUntil(deadline) : 0;
                if (!stream.hasNextAvailable(waitMillis, TimeUnit.MILLISECONDS)) {
                    break;
                }
                TrackedEventMessage<?> message = stream.nextAvailable();
                LoggedEvent event = views.of(message, LogPositions.of(position, message.trackingToken()));
                position = message.trackingToken();
                scanned++;
                if (selector.matches(event.type())) {
                    entries.add(event);
                }
            }
        }
        return new LogPage(entries, Cursors.encode(position), head());
    }

    @Override
    public LogFollower follow(String cursor, Selector selector) {
        TrackingToken start = cursor == null ? null : Cursors.decode(cursor);
        return new StoredEventFollower(eventStore.openStream(start), start, selector, views);
    }

    @Override
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    @Override
    public long positionOf(String cursor) {
        TrackingToken token = Cursors.decode(cursor);
        return token == null ? 0 : token.position().orElse(0);
    }
}

package dev.eskit.queries.log;

import dev.eskit.queries.api.LogEntry;
import dev.eskit.queries.api.LogFollower;
import dev.eskit.queries.api.LoggedEvent;
import dev.eskit.queries.api.Selector;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/** Follows the event store's stream and hands out the events a selector wants, each with its cursor. */
class StoredEventFollower implements LogFollower {

    private final BlockingStream<TrackedEventMessage<?>> stream;
    private final Selector selector;
    private final AxonEventDescriber views;
    private TrackingToken position;

    StoredEventFollower(BlockingStream<TrackedEventMessage<?>> stream, TrackingToken start, Selector selector,
                        AxonEventDescriber views) {
        this.stream = stream;
        this.position = start;
        this.selector = selector;
        this.views = views;
    }

    @Override
    public Optional<LogEntry> next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stream.hasNextAvailable(millisUntil(deadline), TimeUnit.MILLISECONDS)) {
            TrackedEventMessage<?> message = stream.nextAvailable();
            LoggedEvent event = views.of(message, LogPositions.of(position, message.trackingToken()));
            position = message.trackingToken();
            if (selector.matches(event.type())) {
                return Optional.of(new LogEntry(event, Cursors.encode(message.trackingToken())));
            }
        }
        return Optional.empty();
    }

    static int millisUntil(long deadlineNanos) {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    @Override
    public String cursor() {
        return Cursors.encode(position);
    }

    @Override
    public void close() {
        stream.close();
    }
}

package dev.eskit.metrics.support;

import java.time.Duration;
import java.util.function.Supplier;

/** A value read again only when it is older than its freshness, so one scrape does not read it per gauge. */
public final class Recent<T> {

    private final long freshnessNanos;
    private final Supplier<T> reader;
    private T value;
    private long readAt;

    public Recent(Duration freshness, Supplier<T> reader) {
        this.freshnessNanos = freshness.toNanos();
        this.reader = reader;
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - readAt > freshnessNanos) {
            value = reader.get();
            readAt = now;
        }
        return value;
    }
}

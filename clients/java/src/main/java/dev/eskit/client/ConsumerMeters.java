package dev.eskit.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A consumer's Micrometer meters: events handled and skipped, and its lag behind the log's head as
 * the server last reported it. Loaded only when the application gives a registry, so the client
 * works without Micrometer on the class path.
 */
final class ConsumerMeters implements CatchUpConsumer.Meters {

    private final Counter handled;
    private final Counter skipped;
    /** -1 until the server first reports it: an unknown lag shows as NaN, not as 0. */
    private final AtomicLong lag = new AtomicLong(-1);

    ConsumerMeters(MeterRegistry registry, String consumer) {
        this.handled = Counter.builder("eskit.client.consumer.events").tag("consumer", consumer).tag("outcome", "handled")
                .description("events the consumer's handler took").register(registry);
        this.skipped = Counter.builder("eskit.client.consumer.events").tag("consumer", consumer).tag("outcome", "skipped")
                .description("poison events the consumer skipped after its retries").register(registry);
        registry.gauge("eskit.client.consumer.lag", java.util.List.of(io.micrometer.core.instrument.Tag.of("consumer", consumer)),
                lag, known -> known.get() < 0 ? Double.NaN : known.get());
    }

    @Override
    public void handled() {
        handled.increment();
    }

    @Override
    public void skipped() {
        skipped.increment();
    }

    @Override
    public void lag(long events) {
        lag.set(events);
    }
}

package dev.eskit.metrics.axon;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/** One component's message monitor: its meters per payload type, registered at the type's first message. */
class TimedMessages implements MessageMonitor<Message<?>> {

    private final MeterRegistry registry;
    private final Clock clock;
    private final String prefix;
    private final Tags componentTags;
    /** What else a component notes of each message it takes. */
    private final Consumer<Message<?>> taken;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    TimedMessages(MeterRegistry registry, String prefix, Tags componentTags, Consumer<Message<?>> taken) {
        this.registry = registry;
        this.clock = registry.config().clock();
        this.prefix = prefix;
        this.componentTags = componentTags;
        this.taken = taken;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.get(message.getPayloadType());
        if (meters == null) {
            meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::meters);
        }
        meters.ingested.increment();
        taken.accept(message);
        return new Callback(meters, clock.monotonicTime());
    }

    private Meters meters(Class<?> payloadType) {
        Tags tags = componentTags.and("payloadType", payloadType.getSimpleName());
        return new Meters(timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags),
                timer("ignoredTimer", tags), counter("ingestedCounter", tags), counter("successCounter", tags),
                counter("failureCounter", tags), counter("processedCounter", tags), counter("ignoredCounter", tags));
    }

    private Timer timer(String name, Tags tags) {
        return Timer.builder(prefix + "." + name).tags(tags).register(registry);
    }

    private Counter counter(String name, Tags tags) {
        return Counter.builder(prefix + "." + name).tags(tags).register(registry);
    }

    private record Meters(Timer allTime, Timer successTime, Timer failureTime, Timer ignoredTime,
            Counter ingested, Counter succeeded, Counter failed, Counter processed, Counter ignored) {
    }

    private final class Callback implements MonitorCallback {

        private final Meters meters;
        private final long start;

        private Callback(Meters meters, long start) {
            this.meters = meters;
            this.start = start;
        }

        @Override
        public void reportSuccess() {
            meters.successTime.record(timeAll(), TimeUnit.NANOSECONDS);
            meters.succeeded.increment();
            meters.processed.increment();
        }

        @Override
        public void reportFailure(Throwable cause) {
            meters.failureTime.record(timeAll(), TimeUnit.NANOSECONDS);
            meters.failed.increment();
            meters.processed.increment();
        }

        @Override
        public void reportIgnored() {
            meters.ignoredTime.record(timeAll(), TimeUnit.NANOSECONDS);
            meters.ignored.increment();
        }

        /** Records the time since the message was taken in the timer of all messages, and returns it. */
        private long timeAll() {
            long nanos = clock.monotonicTime() - start;
            meters.allTime.record(nanos, TimeUnit.NANOSECONDS);
            return nanos;
        }
    }
}

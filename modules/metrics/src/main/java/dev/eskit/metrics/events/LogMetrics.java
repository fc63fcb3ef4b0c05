package dev.eskit.metrics.events;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.eskit.queries.api.Consumer;
import dev.eskit.queries.api.ConsumerCheckpoints;
import dev.eskit.queries.api.EventLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The log's head ({@code eskit_log_head_position}) and every named consumer's position and lag
 * ({@code eskit_consumers_position}, {@code eskit_consumers_lag_events}). Consumers come and go,
 * so their gauges are added and removed as the checkpoints are read, at most once a second.
 */
@Component
class LogMetrics {

    private static final Duration FRESHNESS = Duration.ofSeconds(1);
    /** The one entry of {@link #consumers}: all of them, read together. */
    private static final String ALL = "all";

    private final ConsumerCheckpoints checkpoints;
    private final MeterRegistry registry;
    private final LoadingCache<String, Map<String, Consumer>> consumers;
    private final Map<String, Set<Meter>> consumerMeters = new ConcurrentHashMap<>();

    LogMetrics(EventLog log, ConsumerCheckpoints checkpoints, MeterRegistry registry) {
        this.checkpoints = checkpoints;
        this.registry = registry;
        this.consumers = Caffeine.newBuilder().expireAfterWrite(FRESHNESS).build(all -> readConsumers());
        Gauge.builder("eskit.log.head.position", log, EventLog::head)
                .description("position of the newest event in the global log")
                .register(registry);
        Gauge.builder("eskit.consumers.count", consumers, recent -> recent.get(ALL).size())
                .description("named consumer checkpoints")
                .register(registry);
    }

    private Map<String, Consumer> readConsumers() {
        Map<String, Consumer> current = new ConcurrentHashMap<>();
        checkpoints.all().forEach(consumer -> current.put(consumer.name(), consumer));
        current.keySet().forEach(name -> consumerMeters.computeIfAbsent(name, this::register));
        consumerMeters.keySet().removeIf(name -> {
            if (current.containsKey(name)) {
                return false;
            }
            consumerMeters.get(name).forEach(registry::remove);
            return true;
        });
        return current;
    }

    private Set<Meter> register(String name) {
        return Set.of(
                gauge("eskit.consumers.position", "log position of the consumer's checkpoint", null, name, Consumer::position),
                gauge("eskit.consumers.lag", "events in the log after the consumer's checkpoint", "events", name, Consumer::lag));
    }

    private Meter gauge(String metric, String description, String unit, String name, ToDoubleFunction<Consumer> value) {
        return Gauge.builder(metric, consumers, recent -> {
                    Consumer consumer = recent.get(ALL).get(name);
                    return consumer == null ? Double.NaN : value.applyAsDouble(consumer);
                })
                .description(description)
                .baseUnit(unit)
                .tags(Tags.of("consumer", name))
                .register(registry);
    }
}

package dev.eskit.metrics.processors;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.eskit.processing.api.EventProcessors;
import dev.eskit.processing.api.ProcessorStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every event processor's position, lag, status, replay progress and dead letters, labelled
 * {@code processor}. The statuses are read at most once a second, however many gauges a scrape reads.
 */
@Component
class EventProcessorMetrics {

    private static final List<String> STATES = List.of(ProcessorStatus.RUNNING, ProcessorStatus.REPLAYING,
            ProcessorStatus.ERROR, ProcessorStatus.STOPPED);
    /** The one entry of {@link #statuses}: every processor's, read together. */
    private static final String ALL = "all";

    private final EventProcessors processors;
    private final MeterRegistry registry;
    private final LoadingCache<String, Map<String, ProcessorStatus>> statuses;

    EventProcessorMetrics(EventProcessors processors, MeterRegistry registry) {
        this.processors = processors;
        this.registry = registry;
        this.statuses = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(1)).build(all -> processors.all().stream()
                .collect(Collectors.toMap(ProcessorStatus::name, Function.identity())));
    }

    /** The processors exist once Axon has started them; they do not change after that. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String name : processors.names()) {
            gauge("eskit.processor.position", "log position the processor's slowest segment has passed", null, name,
                    ProcessorStatus::position);
            gauge("eskit.processor.lag", "events in the log the processor has not handled", "events", name,
                    ProcessorStatus::lag);
            gauge("eskit.processor.replay.progress", "progress of the running replay, 0 to 1; 1 when none runs", null,
                    name, status -> status.progress() == null ? 1 : status.progress());
            gauge("eskit.processor.dead.letters", "events parked in the processor's dead-letter queue", "events", name,
                    status -> status.deadLetters() == null ? 0 : status.deadLetters());
            for (String state : STATES) {
                Gauge.builder("eskit.processor.status", statuses, recent -> state.equals(recent.get(ALL).get(name).status()) ? 1 : 0)
                        .description("1 for the processor's current status, 0 for the others")
                        .tags(Tags.of("processor", name, "status", state))
                        .register(registry);
            }
        }
    }

    private void gauge(String metric, String description, String unit, String name, ToDoubleFunction<ProcessorStatus> value) {
        Gauge.builder(metric, statuses, recent -> value.applyAsDouble(recent.get(ALL).get(name)))
                .description(description)
                .baseUnit(unit)
                .tags(Tags.of("processor", name))
                .register(registry);
    }
}

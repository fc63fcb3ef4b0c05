package dev.eskit.metrics.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.stereotype.Component;

/**
 * Times and counts every message of Axon's command bus, event store and event processors, under the
 * names and tags of {@code axon-micrometer}'s dimensional monitors, which the dashboards read:
 * {@code commandBus.allTimer} by {@code payloadType}, {@code eventProcessor.allTimer} by
 * {@code processorName} and {@code payloadType}, their success, failure and ignored timers and
 * counters, and each processor's {@code eventProcessor.latency}.
 * <p>
 * Those monitors looked every meter up by name and tags for every message, nine lookups per event
 * and processor, and kept a sliding window of durations for a capacity gauge: a third of the tracking
 * processors' CPU under writes. Here each component's meters are looked up once per payload type.
 */
@Component
class MessageMeters implements ConfigurerModule {

    private static final String EVENT_PROCESSOR = "eventProcessor";

    private final MeterRegistry registry;

    MessageMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(configuration -> this::monitorOf);
    }

    MessageMonitor<Message<?>> monitorOf(Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return new TimedMessages(registry, EVENT_PROCESSOR, Tags.of("processorName", componentName),
                    new ProcessorLatency(registry, EVENT_PROCESSOR, componentName)::took);
        }
        return new TimedMessages(registry, componentName, Tags.empty(), message -> { });
    }
}

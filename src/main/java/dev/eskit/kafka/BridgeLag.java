package dev.eskit.kafka;

import dev.eskit.processing.api.EventProcessors;
import dev.eskit.processing.api.ProcessorStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many stored events the bridge has not yet published, exported as
 * {@code eskit_kafka_bridge_lag_events}: the publishing processor's lag, which comes from its stored
 * tokens, because a segment whose sends fail is released and vanishes from the live status.
 */
final class BridgeLag {

    static final String METRIC = "eskit.kafka.bridge.lag";

    private final EventProcessors processors;
    private final String processorName;

    BridgeLag(EventProcessors processors, String processorName) {
        this.processors = processors;
        this.processorName = processorName;
    }

    void register(MeterRegistry registry) {
        Gauge.builder(METRIC, this, BridgeLag::events)
                .description("events in the store not yet published to Kafka")
                .baseUnit("events")
                .register(registry);
    }

    double events() {
        return processors.find(processorName).map(ProcessorStatus::lag).orElse(0L);
    }
}

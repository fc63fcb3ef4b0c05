package dev.eskit.kafka;

import dev.eskit.queries.api.EventLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.extensions.kafka.KafkaProperties;

/**
 * How many stored events the bridge has not yet published: the log's head minus the position of
 * the publishing processor's slowest segment, exported as {@code eskit_kafka_bridge_lag}.
 */
final class BridgeLag {

    static final String METRIC = "eskit.kafka.bridge.lag";

    private final EventLog log;
    private final EventProcessingConfiguration processing;
    private final String processorName;

    BridgeLag(EventLog log, EventProcessingConfiguration processing, KafkaProperties kafka) {
        this.log = log;
        this.processing = processing;
        this.processorName = kafka.getPublisher().getProcessingGroup();
    }

    void register(MeterRegistry registry) {
        Gauge.builder(METRIC, this, BridgeLag::events)
                .description("events in the store not yet published to Kafka")
                .baseUnit("events")
                .register(registry);
    }

    double events() {
        long published = processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong)
                        .min().orElse(0))
                .orElse(0L);
        return Math.max(0, log.head() - published);
    }
}

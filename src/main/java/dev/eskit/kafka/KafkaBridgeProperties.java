package dev.eskit.kafka;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eskit.kafka.*}: how the bridge names and creates its topics. One topic per partition:
 * {@code <prefix><partition>} for streams, users and gatherings, {@code <prefix>entity.<type>} for entities.
 * The publisher handles up to {@code publishBatchSize} events in one unit of work, with one token update,
 * and waits up to {@code ackTimeout} for all their acknowledgements before it stores the token.
 */
@ConfigurationProperties("eskit.kafka")
record KafkaBridgeProperties(String topicPrefix, int partitions, short replicationFactor, Duration retention,
                             List<String> retainedForever, int publishBatchSize, Duration ackTimeout) {

    KafkaBridgeProperties {
        topicPrefix = topicPrefix == null ? "eskit." : topicPrefix;
        partitions = partitions < 1 ? 3 : partitions;
        replicationFactor = replicationFactor < 1 ? 1 : replicationFactor;
        retention = retention == null ? Duration.ofDays(7) : retention;
        retainedForever = retainedForever == null ? List.of("user") : List.copyOf(retainedForever);
        publishBatchSize = publishBatchSize < 1 ? 100 : publishBatchSize;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(10) : ackTimeout;
    }
}

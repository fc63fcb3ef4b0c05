package dev.eskit.kafka;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eskit.kafka.*}: how the bridge names and creates its topics. One topic per partition:
 * {@code <prefix><partition>} for streams, users and gatherings, {@code <prefix>entity.<type>} for entities.
 * The publisher handles up to {@code publishBatchSize} events in one unit of work and one Kafka
 * transaction, with one token update; a send or the transaction's commit fails after {@code ackTimeout}.
 * {@code transactionalId} is the producer's {@code transactional.id} (by default the topic prefix and
 * {@code bridge}): the same for every instance of one deployment, different between deployments.
 */
@ConfigurationProperties("eskit.kafka")
record KafkaBridgeProperties(String topicPrefix, int partitions, short replicationFactor, Duration retention,
                             List<String> retainedForever, int publishBatchSize, Duration ackTimeout,
                             String transactionalId) {

    KafkaBridgeProperties {
        topicPrefix = topicPrefix == null ? "eskit." : topicPrefix;
        partitions = partitions < 1 ? 3 : partitions;
        replicationFactor = replicationFactor < 1 ? 1 : replicationFactor;
        retention = retention == null ? Duration.ofDays(7) : retention;
        retainedForever = retainedForever == null ? List.of("user") : List.copyOf(retainedForever);
        publishBatchSize = publishBatchSize < 1 ? 100 : publishBatchSize;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(10) : ackTimeout;
        transactionalId = transactionalId == null ? topicPrefix + "bridge" : transactionalId;
    }
}

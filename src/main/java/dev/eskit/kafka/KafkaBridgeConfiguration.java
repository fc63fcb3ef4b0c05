package dev.eskit.kafka;

import dev.eskit.processing.api.EventProcessors;
import dev.eskit.queries.api.EventDescriber;
import dev.eskit.queries.api.StreamReader;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bridge's parts that Axon's Kafka extension leaves to the application: the CloudEvents
 * envelope and the topic per partition. The extension publishes from a pooled streaming processor
 * with its own token, so a broker outage only delays publishing; see application.yml.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.kafka.publisher.enabled", havingValue = "true")
@EnableConfigurationProperties(KafkaBridgeProperties.class)
class KafkaBridgeConfiguration {

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(KafkaProperties kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers())));
    }

    @Bean
    EventTopics topicResolver(Admin kafkaAdmin, KafkaBridgeProperties properties) {
        return new EventTopics(kafkaAdmin, properties);
    }

    /** The users' and gatherings' topics exist from start-up, with their partitions and retention. */
    @Bean
    ApplicationRunner knownTopics(EventTopics topics) {
        return arguments -> topics.createKnownTopics(List.of("user", "gathering"));
    }

    /**
     * The publisher's processor handles a batch of events in one unit of work and stores its token
     * once, instead of a durable token update per event. A failed batch is sent again from its start,
     * in a new transaction: a record can repeat, never go missing.
     */
    @Bean
    ConfigurerModule kafkaPublisherBatches(KafkaProperties kafka, KafkaBridgeProperties properties) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                kafka.getPublisher().getProcessingGroup(),
                axon -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(properties.publishBatchSize()));
    }

    /** The extension's publisher, except that each batch is one Kafka transaction, sent and awaited together. */
    @Bean(destroyMethod = "shutDown")
    KafkaPublisher<String, CloudEvent> kafkaPublisher(ProducerFactory<String, CloudEvent> producers, CloudEventConverter converter,
                                                      EventTopics topics, org.axonframework.config.Configuration axon,
                                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                                      KafkaProperties kafka, KafkaBridgeProperties properties) {
        // the builder's serializer only stands in for a converter, which is given; without one it builds XStream's
        return new TransactionalKafkaPublisher<>(KafkaPublisher.<String, CloudEvent>builder().serializer(eventSerializer), producers,
                () -> transactionalProducer(kafka, properties), converter, topics,
                axon.messageMonitor(KafkaPublisher.class, "kafkaPublisher"));
    }

    /**
     * The extension's producer settings with the bridge's {@code transactional.id}: the same on every
     * start, so a restarted instance fences the transaction its predecessor left open. Every blocking
     * call (a send waiting for metadata, a commit waiting for acknowledgements) ends at the timeout.
     */
    private static Producer<String, CloudEvent> transactionalProducer(KafkaProperties kafka, KafkaBridgeProperties properties) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, properties.transactionalId());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.ackTimeout().toMillis());
        KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(settings);
        try {
            producer.initTransactions();
            return producer;
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    @Bean
    BridgeLag bridgeLag(EventProcessors processors, KafkaProperties kafka, MeterRegistry registry) {
        BridgeLag lag = new BridgeLag(processors, kafka.getPublisher().getProcessingGroup());
        lag.register(registry);
        return lag;
    }

    @Bean
    CloudEventConverter kafkaMessageConverter(EventDescriber describer, StreamReader streams, JsonMapper json) {
        return new CloudEventConverter(describer, streams, json);
    }
}

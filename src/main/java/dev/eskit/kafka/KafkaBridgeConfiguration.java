package dev.eskit.kafka;

import dev.eskit.queries.api.EventDescriber;
import dev.eskit.queries.api.EventLog;
import io.micrometer.core.instrument.MeterRegistry;
import dev.eskit.queries.api.StreamReader;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
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

    @Bean
    BridgeLag bridgeLag(EventLog log, JdbcTemplate jdbc, TokenSchema tokens, Serializer serializer, KafkaProperties kafka,
                        MeterRegistry registry) {
        BridgeLag lag = new BridgeLag(log, jdbc, tokens, serializer, kafka.getPublisher().getProcessingGroup());
        lag.register(registry);
        return lag;
    }

    @Bean
    CloudEventConverter kafkaMessageConverter(EventDescriber describer, StreamReader streams, JsonMapper json) {
        return new CloudEventConverter(describer, streams, json);
    }
}

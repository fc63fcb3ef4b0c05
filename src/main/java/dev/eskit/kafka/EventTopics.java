package dev.eskit.kafka;

import dev.eskit.commands.api.EventTypes;
import dev.eskit.commands.api.NamedEvent;
import dev.eskit.commands.api.entity.EntityEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;

/**
 * One topic per partition, created the first time the bridge needs it with the configured
 * partitions and retention; the topics listed in {@code retained-forever} (users, by default)
 * keep their records forever.
 */
class EventTopics implements TopicResolver {

    private final Admin admin;
    private final KafkaBridgeProperties properties;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    EventTopics(Admin admin, KafkaBridgeProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    @Override
    public Optional<String> apply(EventMessage<?> event) {
        return Optional.of(ensured(topicOf(event.getPayload())));
    }

    /** Creates the topics of the typed domain before the first event needs them. */
    void createKnownTopics(List<String> names) {
        names.forEach(name -> ensured(properties.topicPrefix() + name));
    }

    String topicOf(Object payload) {
        String name = payload instanceof EntityEvent entity ? "entity." + entity.type()
                : payload instanceof NamedEvent named ? EventTypes.partitionOf(named.eventType())
                : payload.getClass().getSimpleName();
        return properties.topicPrefix() + name.toLowerCase(Locale.ROOT);
    }

    private String ensured(String topic) {
        if (created.contains(topic)) {
            return topic;
        }
        String name = topic.substring(properties.topicPrefix().length());
        String retention = properties.retainedForever().contains(name) ? "-1" : Long.toString(properties.retention().toMillis());
        NewTopic newTopic = new NewTopic(topic, properties.partitions(), properties.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retention));
        try {
            admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create topic " + topic + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
        created.add(topic);
        return topic;
    }
}

package dev.eskit.kafka;

import dev.eskit.commands.api.StreamVersions;
import dev.eskit.queries.api.EventDescriber;
import dev.eskit.queries.api.LoggedEvent;
import dev.eskit.queries.api.StreamReader;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event as a CloudEvent (binary mode: readable {@code ce_*} headers, JSON data as the value),
 * keyed by its stream so that a stream's events keep their order on one Kafka partition. Personal
 * data stays sealed: it leaves the store encrypted, or erased once its key is gone.
 */
class CloudEventConverter implements KafkaMessageConverter<String, CloudEvent> {

    static final URI SOURCE = URI.create("/eskit");
    static final String VERSION = "eskitversion";
    static final String POSITION = "eskitposition";

    private final EventDescriber describer;
    private final StreamReader streams;
    private final JsonMapper json;

    CloudEventConverter(EventDescriber describer, StreamReader streams, JsonMapper json) {
        this.describer = describer;
        this.streams = streams;
        this.json = json;
    }

    @Override
    public ProducerRecord<String, CloudEvent> createKafkaMessage(EventMessage<?> message, String topic) {
        LoggedEvent event = describer.describe(message, position(message), false);
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(SOURCE)
                .withType(event.type())
                .withSubject(event.streamId())
                .withTime(event.timestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension(VERSION, event.version())
                .withExtension(POSITION, event.position())
                .withData(json.writeValueAsBytes(event.data()))
                .build();
        return new ProducerRecord<>(topic, event.streamId(), cloudEvent);
    }

    /** The exact log position: a late-committing event's token index is the highest one seen, not its own. */
    private long position(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domain) {
            long version = StreamVersions.ofSequence(domain.getSequenceNumber());
            List<Long> positions = streams.positions(domain.getAggregateIdentifier(), version, version);
            if (!positions.isEmpty()) {
                return positions.get(0);
            }
        }
        return message instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken().position().orElse(0) : 0;
    }

    /** The bridge only publishes. */
    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, CloudEvent> record) {
        return Optional.empty();
    }
}

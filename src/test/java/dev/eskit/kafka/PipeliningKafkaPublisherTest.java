package dev.eskit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher's two rules for keeping a stream's order: it never sends a batch again while the
 * producer may still deliver a record of it, and it starts over only once every record of a failed
 * batch has its outcome. The brokers are a {@link MockProducer} whose acknowledgements the test gives.
 */
class PipeliningKafkaPublisherTest {

    private static final Duration SLOW_ACK_WARNING = Duration.ofMillis(50);

    private final SharedProducer producer = new SharedProducer();
    private final Producers producers = new Producers(producer);
    private final PipeliningKafkaPublisher<String, String> publisher = new PipeliningKafkaPublisher<>(
            KafkaPublisher.<String, String>builder().serializer(Jackson3Serializer.builder().build()), producers, new PayloadAsValue(), event -> Optional.of("eskit.test"),
            NoOpMessageMonitor.INSTANCE, SLOW_ACK_WARNING);
    private final ScheduledExecutorService brokers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopBrokers() {
        brokers.shutdownNow();
    }

    @Test
    void waitsForAcknowledgementsSlowerThanTheWarningInsteadOfSendingTheBatchAgain() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        List.of("v1", "v2", "v3").forEach(version -> publisher.send(GenericEventMessage.asEventMessage(version)));
        brokers.schedule(() -> acknowledgeAll(3), SLOW_ACK_WARNING.toMillis() * 4, TimeUnit.MILLISECONDS);

        batch.commit();

        assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly("v1", "v2", "v3");
        assertThat(producers.shutDowns).isEmpty();
    }

    @Test
    void failsABatchWithARefusedRecordOnlyOnceEveryOtherRecordOfItHasItsOutcome() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        List.of("v1", "v2", "v3").forEach(version -> publisher.send(GenericEventMessage.asEventMessage(version)));
        producer.errorNext(new RecordTooLargeException("refused"));
        brokers.schedule(() -> acknowledgeAll(2), SLOW_ACK_WARNING.toMillis() * 4, TimeUnit.MILLISECONDS);

        assertThatThrownBy(batch::commit).isInstanceOf(EventPublicationFailedException.class)
                .hasRootCauseInstanceOf(RecordTooLargeException.class);

        assertThat(producers.shutDowns).as("records of the batch still in flight when the producer was replaced").containsExactly(0L);
    }

    private void acknowledgeAll(int records) {
        for (int i = 0; i < records; i++) {
            producer.completeNext();
        }
    }

    /** As the extension's shared producer: closing it after a send keeps it open; only a shut-down closes it. */
    private static final class SharedProducer extends MockProducer<String, String> {

        private final List<Future<RecordMetadata>> sent = new CopyOnWriteArrayList<>();

        SharedProducer() {
            super(false, null, new StringSerializer(), new StringSerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
            Future<RecordMetadata> acknowledgement = super.send(record);
            sent.add(acknowledgement);
            return acknowledgement;
        }

        @Override
        public void close() {
        }

        long inFlight() {
            return sent.stream().filter(acknowledgement -> !acknowledgement.isDone()).count();
        }
    }

    /** Remembers, for each shut-down, how many records were still in flight. */
    private record Producers(SharedProducer producer, List<Long> shutDowns) implements ProducerFactory<String, String> {

        Producers(SharedProducer producer) {
            this(producer, new CopyOnWriteArrayList<>());
        }

        @Override
        public SharedProducer createProducer() {
            return producer;
        }

        @Override
        public void shutDown() {
            shutDowns.add(producer.inFlight());
        }
    }

    private static final class PayloadAsValue implements KafkaMessageConverter<String, String> {

        @Override
        public ProducerRecord<String, String> createKafkaMessage(EventMessage<?> event, String topic) {
            return new ProducerRecord<>(topic, "stream", (String) event.getPayload());
        }

        @Override
        public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, String> record) {
            return Optional.empty();
        }
    }
}

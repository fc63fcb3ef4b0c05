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
 * How the publisher keeps a stream's order: it waits for a batch's acknowledgements up to its timeout
 * without sending anything again, and a failed batch starts over with a new producer only once every
 * record of it has its outcome (the real producer's close settles the ones still pending). The
 * brokers are a {@link MockProducer} whose acknowledgements the test gives.
 */
class PipeliningKafkaPublisherTest {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SLOW_ACKS = Duration.ofMillis(200);

    private final SharedProducer producer = new SharedProducer();
    private final Producers producers = new Producers(producer);
    private final PipeliningKafkaPublisher<String, String> publisher = publisher(ACK_TIMEOUT);
    private final ScheduledExecutorService brokers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopBrokers() {
        brokers.shutdownNow();
    }

    @Test
    void waitsForSlowAcknowledgementsAndSendsEachRecordOnce() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        List.of("v1", "v2", "v3").forEach(version -> publisher.send(GenericEventMessage.asEventMessage(version)));
        brokers.schedule(() -> acknowledgeAll(3), SLOW_ACKS.toMillis(), TimeUnit.MILLISECONDS);

        batch.commit();

        assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly("v1", "v2", "v3");
        assertThat(producers.shutDowns).isEmpty();
    }

    @Test
    void failsABatchWithARefusedRecordOnlyOnceEveryOtherRecordOfItHasItsOutcome() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        List.of("v1", "v2", "v3").forEach(version -> publisher.send(GenericEventMessage.asEventMessage(version)));
        producer.errorNext(new RecordTooLargeException("refused"));
        brokers.schedule(() -> acknowledgeAll(2), SLOW_ACKS.toMillis(), TimeUnit.MILLISECONDS);

        assertThatThrownBy(batch::commit).isInstanceOf(EventPublicationFailedException.class)
                .hasRootCauseInstanceOf(RecordTooLargeException.class);

        assertThat(producers.shutDowns).as("records of the batch still in flight when the producer was replaced").containsExactly(0L);
    }

    @Test
    void atItsTimeoutABatchFailsAndItsProducerIsClosedBeforeAnythingIsSentAgain() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        PipeliningKafkaPublisher<String, String> impatient = publisher(Duration.ofMillis(100));
        List.of("v1", "v2").forEach(version -> impatient.send(GenericEventMessage.asEventMessage(version)));

        assertThatThrownBy(batch::commit).isInstanceOf(EventPublicationFailedException.class);

        assertThat(producers.shutDowns).as("closed with both records pending, which its close settles").containsExactly(2L);
        assertThat(producer.history()).hasSize(2);
    }

    private PipeliningKafkaPublisher<String, String> publisher(Duration ackTimeout) {
        return new PipeliningKafkaPublisher<>(KafkaPublisher.<String, String>builder().serializer(Jackson3Serializer.builder().build()),
                producers, new PayloadAsValue(), event -> Optional.of("eskit.test"), NoOpMessageMonitor.INSTANCE, ackTimeout);
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

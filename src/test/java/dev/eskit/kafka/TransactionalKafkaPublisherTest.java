package dev.eskit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.DefaultProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * How the publisher keeps what a read-committed consumer sees in each stream's order: a batch is one
 * transaction, committed with the batch; a batch that fails is aborted or left to be fenced, and its
 * producer is replaced before the batch is sent again. The brokers are {@link MockProducer}s, whose
 * history holds committed records only.
 */
class TransactionalKafkaPublisherTest {

    private final List<MockProducer<String, String>> producers = new ArrayList<>();
    private final TransactionalKafkaPublisher<String, String> publisher = new TransactionalKafkaPublisher<>(
            KafkaPublisher.<String, String>builder().serializer(Jackson3Serializer.builder().build()),
            DefaultProducerFactory.<String, String>builder().configuration(Map.of()).build(),
            this::newProducer, new PayloadAsValue(), event -> Optional.of("eskit.test"), NoOpMessageMonitor.INSTANCE);

    @Test
    void sendsABatchInOneTransactionThatCommitsWithIt() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        publish("v1", "v2", "v3");
        assertThat(producer(0).history()).as("nothing is visible before the batch commits").isEmpty();

        batch.commit();

        assertThat(producer(0).transactionCommitted()).isTrue();
        assertThat(producer(0).history()).extracting(ProducerRecord::value).containsExactly("v1", "v2", "v3");
        assertThat(producer(0).closed()).isFalse();
    }

    @Test
    void eachBatchIsATransactionOfItsOwnOnTheSameProducer() {
        DefaultUnitOfWork<?> first = DefaultUnitOfWork.startAndGet(null);
        publish("v1");
        first.commit();
        DefaultUnitOfWork<?> second = DefaultUnitOfWork.startAndGet(null);
        publish("v2");

        assertThat(producer(0).history()).as("the second batch is not committed yet").extracting(ProducerRecord::value)
                .containsExactly("v1");
        second.commit();

        assertThat(producers).hasSize(1);
        assertThat(producer(0).history()).extracting(ProducerRecord::value).containsExactly("v1", "v2");
    }

    @Test
    void aBatchThatFailsBeforeItsCommitIsAbortedAndNothingOfItIsVisible() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        publish("v1", "v2");

        batch.rollback();

        assertThat(producer(0).transactionAborted()).isTrue();
        assertThat(producer(0).history()).isEmpty();
        assertThat(producer(0).closed()).as("an aborted transaction leaves the producer usable").isFalse();
    }

    @Test
    void aCommitThatTimesOutFailsTheBatchAndANewProducerSendsItAgain() {
        DefaultUnitOfWork<?> first = DefaultUnitOfWork.startAndGet(null);
        publish("v1", "v2");
        producer(0).commitTransactionException = new TimeoutException("no acknowledgements in time");

        assertThatThrownBy(first::commit).isInstanceOf(EventPublicationFailedException.class)
                .hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(producer(0).closed()).as("closed, so that the next producer fences its open transaction").isTrue();

        DefaultUnitOfWork<?> again = DefaultUnitOfWork.startAndGet(null);
        publish("v1", "v2");
        again.commit();

        assertThat(producers).hasSize(2);
        assertThat(producer(0).history()).isEmpty();
        assertThat(producer(1).history()).extracting(ProducerRecord::value).containsExactly("v1", "v2");
    }

    @Test
    void aFencedProducerIsReplacedForTheNextBatch() {
        DefaultUnitOfWork<?> fenced = DefaultUnitOfWork.startAndGet(null);
        publish("v1");
        fenced.commit();
        producer(0).beginTransactionException = new ProducerFencedException("another instance took the transactional id");

        DefaultUnitOfWork<?> refused = DefaultUnitOfWork.startAndGet(null);
        assertThatThrownBy(() -> publish("v2")).isInstanceOf(EventPublicationFailedException.class);
        refused.rollback();

        DefaultUnitOfWork<?> again = DefaultUnitOfWork.startAndGet(null);
        publish("v2");
        again.commit();

        assertThat(producer(0).closed()).isTrue();
        assertThat(producer(1).history()).extracting(ProducerRecord::value).containsExactly("v2");
    }

    private void publish(String... values) {
        for (String value : values) {
            publisher.send(GenericEventMessage.asEventMessage(value));
        }
    }

    private MockProducer<String, String> newProducer() {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        producers.add(producer);
        return producer;
    }

    private MockProducer<String, String> producer(int index) {
        return producers.get(index);
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

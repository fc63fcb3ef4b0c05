package dev.eskit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;

/**
 * Sends every record of the processor's batch first and waits for all their acknowledgements when
 * the batch commits, where the extension's publisher waits for each record before it sends the
 * next: one round trip to the brokers a batch instead of one an event. Still at least once: the
 * batch's token is stored only after every record is acknowledged, and a failed batch is sent
 * again from its start, by a new producer. Still in each stream's order: records are keyed by
 * stream, the idempotent producer keeps a partition's order across its retries, and a failed
 * batch's producer is closed before the batch is sent again.
 */
class PipeliningKafkaPublisher<K, V> extends KafkaPublisher<K, V> {

    private static final String SENT = PipeliningKafkaPublisher.class.getName() + ".sent";

    private final ProducerFactory<K, V> producers;
    private final KafkaMessageConverter<K, V> converter;
    private final TopicResolver topics;
    private final MessageMonitor<? super EventMessage<?>> monitor;
    private final Duration ackTimeout;

    PipeliningKafkaPublisher(Builder<K, V> builder, ProducerFactory<K, V> producers, KafkaMessageConverter<K, V> converter,
                             TopicResolver topics, MessageMonitor<? super EventMessage<?>> monitor, Duration ackTimeout) {
        super(builder.producerFactory(producers).messageConverter(converter).topicResolver(topics).messageMonitor(monitor));
        this.producers = producers;
        this.converter = converter;
        this.topics = topics;
        this.monitor = monitor;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public <T extends EventMessage<?>> void send(T event) {
        Optional<String> topic = topics.resolve(event);
        if (topic.isEmpty()) {
            return;
        }
        MonitorCallback callback = monitor.onMessageIngested(event);
        Producer<K, V> producer = producers.createProducer();
        try {
            Sent sent = new Sent(producer.send(converter.createKafkaMessage(event, topic.get())), callback);
            if (CurrentUnitOfWork.isStarted()) {
                sentIn(CurrentUnitOfWork.get()).add(sent);
            } else {
                awaitAcknowledgements(List.of(sent));
            }
        } finally {
            producer.close();
        }
    }

    /** The records sent in this batch, awaited together before it commits. */
    private List<Sent> sentIn(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        return batch.getOrComputeResource(SENT, key -> {
            List<Sent> sent = new ArrayList<>();
            batch.onPrepareCommit(committing -> awaitAcknowledgements(sent));
            return sent;
        });
    }

    private void awaitAcknowledgements(List<Sent> sent) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (Sent record : sent) {
            try {
                record.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                record.callback().reportSuccess();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                record.callback().reportFailure(e);
                throw new EventPublicationFailedException("interrupted while waiting for Kafka's acknowledgements", e);
            } catch (ExecutionException | TimeoutException e) {
                record.callback().reportFailure(e);
                startOver();
                throw new EventPublicationFailedException("Kafka did not acknowledge every record of the batch within "
                        + ackTimeout + "; the batch is sent again", e);
            }
        }
    }

    /**
     * Closes the shared producer, so that the retry starts with a new one. The idempotent producer
     * keeps sequence numbers per partition; after records time out it may disagree with the broker
     * about them for good (OutOfOrderSequenceException on every send), which a new producer id ends.
     */
    private void startOver() {
        producers.shutDown();
    }

    private record Sent(Future<RecordMetadata> acknowledgement, MonitorCallback callback) {
    }
}

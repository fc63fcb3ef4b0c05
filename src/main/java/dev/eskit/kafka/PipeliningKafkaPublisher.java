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
 * next: one round trip to the brokers a batch instead of one an event.
 * <p>
 * Still at least once: the batch's token is stored only after every record is acknowledged. Still in
 * each stream's order: records are keyed by stream, and the idempotent producer keeps a partition's
 * order across its own retries, so what one producer writes of a batch is a prefix of each stream's
 * records in it. A batch fails when the producer refuses a record or when the acknowledgements do not
 * all come within {@code ackTimeout}, and then only after every record of it has its outcome: the
 * shared producer is closed first, which waits for its requests in flight and fails what it has not
 * sent. Only then is the batch sent again, by a new producer, so no copy from the failed attempt can
 * land after the retry's: the first copy of each record stays in its stream's order. The timeout also
 * ends a producer that would otherwise retry for good (after a broker lost its log, every send of the
 * old producer is out of sequence).
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

    private void awaitAcknowledgements(List<Sent> batch) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        Throwable failure = null;
        for (Sent record : batch) {
            try {
                record.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                record.callback().reportSuccess();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                record.callback().reportFailure(e);
                throw new EventPublicationFailedException("interrupted while waiting for Kafka's acknowledgements", e);
            } catch (ExecutionException e) {
                record.callback().reportFailure(e.getCause());
                failure = failure == null ? e.getCause() : failure;
            } catch (TimeoutException e) {
                record.callback().reportFailure(e);
                failure = failure == null ? e : failure;
                break;
            }
        }
        if (failure != null) {
            startOver();
            throw new EventPublicationFailedException("Kafka did not acknowledge every record of the batch (within " + ackTimeout
                    + "); the batch is sent again by a new producer", failure);
        }
    }

    /**
     * Closes the shared producer, so that the retry starts with a new one: the close waits for the
     * requests in flight and fails the records not sent, so every record of the batch has its outcome
     * before any is sent again. A new producer id also ends a producer that disagrees with the broker
     * about its sequence numbers for good (OutOfOrderSequenceException on every send).
     */
    private void startOver() {
        producers.shutDown();
    }

    private record Sent(Future<RecordMetadata> acknowledgement, MonitorCallback callback) {
    }
}

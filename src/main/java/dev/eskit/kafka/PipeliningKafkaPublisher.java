package dev.eskit.kafka;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every record of the processor's batch first and waits for all their acknowledgements when
 * the batch commits, where the extension's publisher waits for each record before it sends the
 * next: one round trip to the brokers a batch instead of one an event.
 * <p>
 * Still at least once: the batch's token is stored only after every record is acknowledged. Still in
 * each stream's order: records are keyed by stream, and the idempotent producer keeps a partition's
 * order across its own retries, which go on for as long as the brokers are away (application.yml sets
 * no delivery timeout). So the publisher never gives up on a record the producer may still deliver: a
 * slow acknowledgement is only logged. Only a record the producer reports failed fails the batch, and
 * only once every other record of the batch has its outcome; then a new producer sends the batch again,
 * so no copy from the failed attempt can land after the retry's.
 */
class PipeliningKafkaPublisher<K, V> extends KafkaPublisher<K, V> {

    private static final Logger log = LoggerFactory.getLogger(PipeliningKafkaPublisher.class);
    private static final String SENT = PipeliningKafkaPublisher.class.getName() + ".sent";

    private final ProducerFactory<K, V> producers;
    private final KafkaMessageConverter<K, V> converter;
    private final TopicResolver topics;
    private final MessageMonitor<? super EventMessage<?>> monitor;
    private final Duration slowAckWarning;

    PipeliningKafkaPublisher(Builder<K, V> builder, ProducerFactory<K, V> producers, KafkaMessageConverter<K, V> converter,
                             TopicResolver topics, MessageMonitor<? super EventMessage<?>> monitor, Duration slowAckWarning) {
        super(builder.producerFactory(producers).messageConverter(converter).topicResolver(topics).messageMonitor(monitor));
        this.producers = producers;
        this.converter = converter;
        this.topics = topics;
        this.monitor = monitor;
        this.slowAckWarning = slowAckWarning;
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
        Throwable failure = null;
        for (Sent record : batch) {
            try {
                awaitAcknowledgement(record, batch.size());
                record.callback().reportSuccess();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                record.callback().reportFailure(e);
                throw new EventPublicationFailedException("interrupted while waiting for Kafka's acknowledgements", e);
            } catch (ExecutionException e) {
                record.callback().reportFailure(e.getCause());
                failure = failure == null ? e.getCause() : failure;
            }
        }
        if (failure != null) {
            startOver();
            throw new EventPublicationFailedException("Kafka refused a record of the batch; the batch is sent again", failure);
        }
    }

    private void awaitAcknowledgement(Sent record, int batchSize) throws InterruptedException, ExecutionException {
        long started = System.nanoTime();
        while (true) {
            try {
                record.acknowledgement().get(slowAckWarning.toNanos(), TimeUnit.NANOSECONDS);
                return;
            } catch (TimeoutException stillRetrying) {
                log.warn("Kafka has not acknowledged a record of a batch of {} for {}; the producer keeps retrying it",
                        batchSize, Duration.ofNanos(System.nanoTime() - started).truncatedTo(ChronoUnit.MILLIS));
            }
        }
    }

    /**
     * Closes the shared producer, so that the retry starts with a new one. After a failure the
     * idempotent producer may disagree with the broker about its sequence numbers for good
     * (OutOfOrderSequenceException on every send), which a new producer id ends.
     */
    private void startOver() {
        producers.shutDown();
    }

    private record Sent(Future<RecordMetadata> acknowledgement, MonitorCallback callback) {
    }
}

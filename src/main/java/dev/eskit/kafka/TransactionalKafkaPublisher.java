package dev.eskit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
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
 * Publishes each batch of the bridge's processor in one Kafka transaction, committed when the batch
 * commits and before its token is stored. A batch's records are sent without waiting for each other;
 * the transaction's commit waits for all of them at once.
 * <p>
 * Why transactions: a consumer that reads committed records only (as every consumer of the bridge
 * should) never sees a failed attempt's records, so each stream's records appear once per attempt that
 * committed, in the stream's order, whatever failed before. Without them a batch whose
 * acknowledgements came late could leave its records on the topic after the retry's.
 * <p>
 * A producer that fails to commit or abort is closed at once and replaced for the next batch; the new
 * producer has the same {@code transactional.id}, so its start fences the old one and aborts the
 * transaction it left open. The extension's pooled transactional producers would return a fenced
 * producer to the pool, so this publisher keeps its own. Only the processor's one thread publishes.
 */
class TransactionalKafkaPublisher<K, V> extends KafkaPublisher<K, V> {

    private static final Logger log = LoggerFactory.getLogger(TransactionalKafkaPublisher.class);
    private static final String BATCH = TransactionalKafkaPublisher.class.getName() + ".batch";

    private final Supplier<Producer<K, V>> newProducer;
    private final KafkaMessageConverter<K, V> converter;
    private final TopicResolver topics;
    private final MessageMonitor<? super EventMessage<?>> monitor;
    private volatile Producer<K, V> producer;

    /**
     * @param newProducer a transactional producer with its transactions initialized; the extension's
     *                    {@code producers} are only handed to the superclass, which requires them
     */
    TransactionalKafkaPublisher(Builder<K, V> builder, ProducerFactory<K, V> producers, Supplier<Producer<K, V>> newProducer,
                                KafkaMessageConverter<K, V> converter, TopicResolver topics,
                                MessageMonitor<? super EventMessage<?>> monitor) {
        super(builder.producerFactory(producers).messageConverter(converter).topicResolver(topics).messageMonitor(monitor));
        this.newProducer = newProducer;
        this.converter = converter;
        this.topics = topics;
        this.monitor = monitor;
    }

    @Override
    public <T extends EventMessage<?>> void send(T event) {
        Optional<String> topic = topics.resolve(event);
        if (topic.isEmpty()) {
            return;
        }
        batchOf(CurrentUnitOfWork.get()).send(event, topic.get());
    }

    @Override
    public void shutDown() {
        Producer<K, V> current = producer;
        if (current != null) {
            current.close();
        }
        super.shutDown();
    }

    /** The transaction of the processor's batch, begun with the batch's first record. */
    private Batch batchOf(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(begun());
            root.onPrepareCommit(committing -> batch.commit());
            root.onRollback(rolledBack -> batch.abort());
            return batch;
        });
    }

    private Producer<K, V> begun() {
        Producer<K, V> current = producer;
        if (current == null) {
            current = newProducer.get();
            producer = current;
        }
        try {
            current.beginTransaction();
            return current;
        } catch (RuntimeException e) {
            discard(current);
            throw new EventPublicationFailedException("could not begin a Kafka transaction; the batch is sent again", e);
        }
    }

    /** Closes a producer that failed without waiting for it; its open transaction ends when its successor starts. */
    private void discard(Producer<K, V> failed) {
        if (producer == failed) {
            producer = null;
        }
        try {
            failed.close(Duration.ZERO);
        } catch (RuntimeException e) {
            log.debug("closing a failed Kafka producer failed too", e);
        }
    }

    private final class Batch {

        private final Producer<K, V> transaction;
        private final List<MonitorCallback> callbacks = new ArrayList<>();
        private boolean open = true;

        Batch(Producer<K, V> transaction) {
            this.transaction = transaction;
        }

        void send(EventMessage<?> event, String topic) {
            callbacks.add(monitor.onMessageIngested(event));
            transaction.send(converter.createKafkaMessage(event, topic));
        }

        void commit() {
            open = false;
            try {
                transaction.commitTransaction();
            } catch (RuntimeException e) {
                discard(transaction);
                callbacks.forEach(callback -> callback.reportFailure(e));
                throw new EventPublicationFailedException("Kafka did not commit the batch's transaction; the batch is sent again", e);
            }
            callbacks.forEach(MonitorCallback::reportSuccess);
        }

        /** The batch failed before its commit (a handler or a send threw): none of its records becomes visible. */
        void abort() {
            if (!open) {
                return;
            }
            open = false;
            RuntimeException cause = new EventPublicationFailedException("the batch failed before it was published", null);
            callbacks.forEach(callback -> callback.reportFailure(cause));
            try {
                transaction.abortTransaction();
            } catch (RuntimeException e) {
                discard(transaction);
            }
        }
    }
}

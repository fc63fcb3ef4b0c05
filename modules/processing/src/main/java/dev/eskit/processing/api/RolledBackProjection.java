package dev.eskit.processing.api;

import dev.eskit.commands.api.StreamVersions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A view's rows for one stream as they will be once its projection has caught up, without waiting
 * for it: the stream's events, read from the event store, go through the projection's own handlers
 * in a transaction that is then rolled back, so the table is left as it was. Reads use it when a
 * row is behind its stream (just written, parked as a dead letter, or being rebuilt by a replay).
 */
@Component
public class RolledBackProjection {

    private static final int ATTEMPTS = 3;

    private final EventStore eventStore;
    private final ParameterResolverFactory parameterResolvers;
    private final TransactionTemplate transactions;
    private final Map<Object, AnnotationEventHandlerAdapter> handlers = new ConcurrentHashMap<>();

    RolledBackProjection(EventStore eventStore, ParameterResolverFactory parameterResolvers,
                         PlatformTransactionManager transactionManager) {
        this.eventStore = eventStore;
        this.parameterResolvers = parameterResolvers;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * {@code row} when its version is the stream's in the store (0 for neither); otherwise the row as
     * the stream's events make it, from {@link #fold}.
     */
    public <R> Optional<R> current(String streamId, Optional<R> row, ToLongFunction<R> version, Object projection,
                                   Runnable forget, Supplier<Optional<R>> read) {
        long streamVersion = eventStore.lastSequenceNumberFor(streamId).map(StreamVersions::ofSequence).orElse(0L);
        if (streamVersion == row.map(version::applyAsLong).orElse(0L)) {
            return row;
        }
        return fold(projection, streamId, forget, read);
    }

    /**
     * Deletes the stream's rows with {@code forget}, projects every event of {@code streamId} through
     * {@code projection}, reads the result with {@code read}, and rolls all of it back. A replaying
     * processor may insert the same row meanwhile: the key then refuses ours once it commits, and the
     * next attempt deletes and rebuilds the row it committed.
     */
    <T> Optional<T> fold(Object projection, String streamId, Runnable forget, Supplier<Optional<T>> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return foldOnce(projection, streamId, forget, read);
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !insertedMeanwhile(failure)) {
                    throw failure;
                }
            }
        }
    }

    private static boolean insertedMeanwhile(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataIntegrityViolationException) {
                return true;
            }
        }
        return false;
    }

    private <T> Optional<T> foldOnce(Object projection, String streamId, Runnable forget, Supplier<Optional<T>> read) {
        AnnotationEventHandlerAdapter adapter = handlers.computeIfAbsent(projection,
                bean -> new AnnotationEventHandlerAdapter(bean, parameterResolvers));
        return transactions.execute(status -> {
            status.setRollbackOnly();
            forget.run();
            eventStore.readEvents(streamId, 0).asStream().forEach(event -> {
                try {
                    adapter.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("projecting " + streamId + " failed at sequence "
                            + event.getSequenceNumber(), e);
                }
            });
            return read.get();
        });
    }
}

package dev.eskit.processing.projections;

import dev.eskit.processing.api.Projections;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;

/**
 * Lets a projection park an event its handler fails on without losing the rest of the batch, and
 * without paying for that on every event.
 * <p>
 * A failed statement leaves the batch's transaction unusable on PostgreSQL (and on H2 the failed
 * handler's first writes would stay), so a failing event can only be parked from a savepoint taken
 * before its handler ran. Savepoints cost two round trips an event, so batches run without them:
 * when a handler fails, the batch is marked, the interceptor around the whole handling fails it
 * once the dead-letter queue is out of the way, Axon rolls it back and retries it, and from then on,
 * for {@link #CAREFUL_FOR}, that projection's handlers run in savepoints and the event is parked.
 * JPA changes are flushed inside the savepoint so that they fail there, not at the commit, and the
 * EntityManager is cleared after a rollback, since it would still hold the undone changes. The
 * savepoint is the JDBC connection's own: the JPA transaction manager binds that connection to the
 * transaction, and Hibernate's JPA dialect offers no savepoints of its own.
 */
@Component
public class HandlerSavepoints implements HandlerEnhancerDefinition {

    static final Duration CAREFUL_FOR = Duration.ofMinutes(1);
    private static final String FAILED = HandlerSavepoints.class.getName() + ".failed";

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<EntityManagerFactory> entityManagers;
    private final Clock clock;
    private final Map<String, Instant> carefulUntil = new ConcurrentHashMap<>();

    HandlerSavepoints(ObjectProvider<DataSource> dataSource, ObjectProvider<EntityManagerFactory> entityManagers, Clock clock) {
        this.dataSource = dataSource;
        this.entityManagers = entityManagers;
        this.clock = clock;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !Projections.ALL.contains(group.value())) {
            return original;
        }
        String projection = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (careful(projection)) {
                    return inSavepoint(() -> super.handle(message, target));
                }
                try {
                    Object result = super.handle(message, target);
                    flush();
                    return result;
                } catch (Exception failure) {
                    beCareful(projection);
                    CurrentUnitOfWork.get().resources().put(FAILED, failure);
                    return null;
                }
            }
        };
    }

    /** Fails the batch that a handler marked, after the dead-letter queue has let the event through. */
    MessageHandlerInterceptor<EventMessage<?>> batchFailer() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            Object failure = unitOfWork.resources().get(FAILED);
            if (failure != null) {
                throw new IllegalStateException("a handler failed; the batch is retried with savepoints", (Exception) failure);
            }
            return result;
        };
    }

    /** JPA writes go out now, so that a failure shows in its handler and not at the batch's commit. */
    private void flush() {
        EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers.getObject());
        if (entityManager != null) {
            entityManager.flush();
        }
    }

    /** Whether the projection's handlers run in savepoints now, after a recent failure. */
    public boolean careful(String projection) {
        Instant until = carefulUntil.get(projection);
        return until != null && clock.instant().isBefore(until);
    }

    /** From now on, for {@link #CAREFUL_FOR}, the projection's handlers run in savepoints. */
    public void beCareful(String projection) {
        carefulUntil.put(projection, clock.instant().plus(CAREFUL_FOR));
    }

    private Object inSavepoint(Handling handling) throws Exception {
        EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers.getObject());
        Connection connection = DataSourceUtils.getConnection(dataSource.getObject());
        Savepoint savepoint = connection.setSavepoint();
        try {
            Object result = handling.handle();
            flush();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (Exception | Error failure) {
            connection.rollback(savepoint);
            if (entityManager != null) {
                entityManager.clear();
            }
            throw failure;
        }
    }

    @FunctionalInterface
    private interface Handling {
        Object handle() throws Exception;
    }
}

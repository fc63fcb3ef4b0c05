package dev.eskit.queries.support;

import dev.eskit.queries.api.Projections;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;

/**
 * Runs every projection handler in a savepoint of its batch's transaction. When a handler fails,
 * only that event's writes are undone and the dead-letter queue can still park it in the same
 * transaction: PostgreSQL refuses every statement of a transaction after a failed one, and H2
 * would keep the half of the event that had been written. JPA changes are flushed inside the
 * savepoint, so that they too fail there and not at the batch's commit, and the EntityManager is
 * cleared after a rollback, since it would otherwise still hold the undone changes.
 * The savepoint is the JDBC connection's own: the JPA transaction manager binds that connection to
 * the transaction, and Hibernate's JPA dialect offers no savepoints of its own.
 */
@Component
class HandlerSavepoints implements HandlerEnhancerDefinition {

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<EntityManagerFactory> entityManagers;

    HandlerSavepoints(ObjectProvider<DataSource> dataSource, ObjectProvider<EntityManagerFactory> entityManagers) {
        this.dataSource = dataSource;
        this.entityManagers = entityManagers;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !Projections.ALL.contains(group.value())) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return inSavepoint(() -> super.handle(message, target));
            }
        };
    }

    private Object inSavepoint(Handling handling) throws Exception {
        EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers.getObject());
        Connection connection = DataSourceUtils.getConnection(dataSource.getObject());
        Savepoint savepoint = connection.setSavepoint();
        try {
            Object result = handling.handle();
            if (entityManager != null) {
                entityManager.flush();
            }
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

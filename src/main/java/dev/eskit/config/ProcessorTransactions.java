package dev.eskit.config;

import dev.eskit.store.DatabaseProduct;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On PostgreSQL the tracking event processors commit without waiting for the disk. What a processor
 * writes (a view's rows, a dead letter, its token) commits in one transaction, so a crash that
 * loses the last of these transactions loses all of it together, and the processor handles those
 * events again from its older token: nothing is lost that the event store cannot give again. The
 * appends themselves stay durable. Otherwise every append would wait behind the commits of every
 * processor that followed the one before it, each a flush of the write-ahead log of its own.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorTransactions {

    @Autowired
    void commitProcessorsAsynchronously(EventProcessingConfigurer processing, TransactionManager transactions, DataSource dataSource) {
        if (DatabaseProduct.of(dataSource).isPostgres()) {
            processing.registerDefaultTransactionManager(configuration -> new AsynchronousCommits(transactions, dataSource));
        }
    }

    private record AsynchronousCommits(TransactionManager delegate, DataSource dataSource) implements TransactionManager {

        /**
         * A subscribing processor handles its events in the transaction of the command that
         * published them, before it commits: that transaction is the append's, and stays durable.
         */
        @Override
        public Transaction startTransaction() {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return delegate.startTransaction();
            }
            Transaction transaction = delegate.startTransaction();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit TO OFF");
            } catch (SQLException e) {
                transaction.rollback();
                throw new IllegalStateException("could not start a processor's transaction", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            return transaction;
        }
    }
}

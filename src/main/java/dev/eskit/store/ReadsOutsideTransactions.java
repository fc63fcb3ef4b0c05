package dev.eskit.store;

import java.util.function.Supplier;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * The JDBC engine's transactions for its writes only. Axon runs each of its reads in a transaction
 * of its own; every one is a single statement (or, for the log, a batch and a check for events
 * beyond it, each complete as read), so autocommit gives the same answer without a begin, an entity
 * manager and a commit. The event store's feed reads after every commit, and those transactions
 * were a third of its thread's CPU. A read inside a running transaction (an aggregate loaded by a
 * command) still joins it: the connection provider hands out the transaction's connection.
 */
final class ReadsOutsideTransactions implements TransactionManager {

    private final TransactionManager writes;

    ReadsOutsideTransactions(TransactionManager writes) {
        this.writes = writes;
    }

    @Override
    public Transaction startTransaction() {
        return writes.startTransaction();
    }

    @Override
    public void executeInTransaction(Runnable task) {
        writes.executeInTransaction(task);
    }

    @Override
    public <T> T fetchInTransaction(Supplier<T> supplier) {
        return supplier.get();
    }
}

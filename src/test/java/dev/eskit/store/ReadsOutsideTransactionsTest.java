package dev.eskit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;

class ReadsOutsideTransactionsTest {

    private final List<String> started = new ArrayList<>();
    private final TransactionManager writes = () -> {
        started.add("transaction");
        return new Transaction() {
            @Override
            public void commit() {
                started.add("commit");
            }

            @Override
            public void rollback() {
                started.add("rollback");
            }
        };
    };
    private final ReadsOutsideTransactions transactions = new ReadsOutsideTransactions(writes);

    @Test
    void aReadStartsNoTransaction() {
        assertThat(transactions.fetchInTransaction(() -> "read")).isEqualTo("read");
        assertThat(started).isEmpty();
    }

    @Test
    void aWriteRunsInATransactionOfTheWrappedManager() {
        transactions.executeInTransaction(() -> started.add("write"));
        assertThat(started).containsExactly("transaction", "write", "commit");
    }
}

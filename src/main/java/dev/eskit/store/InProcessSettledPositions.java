package dev.eskit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For H2, which only this process writes to (the embedded default holds its file): the marks are
 * tickets that appending transactions take here and give back when they end. There is one per
 * database and process, as several application contexts in one process may share a database.
 */
final class InProcessSettledPositions extends SettledPositions {

    private static final Map<String, InProcessSettledPositions> BY_DATABASE = new ConcurrentHashMap<>();

    private final Object tickets = new Object();
    private final TreeSet<Long> open = new TreeSet<>();
    private long next = 1;

    private InProcessSettledPositions() {
    }

    static InProcessSettledPositions of(String databaseUrl) {
        return BY_DATABASE.computeIfAbsent(databaseUrl, url -> new InProcessSettledPositions());
    }

    @Override
    void beforeTakingPositions(Connection connection) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("events are appended only in a Spring-managed transaction");
        }
        long ticket = take();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                giveBack(ticket);
            }
        });
    }

    @Override
    Reading read(Connection connection) throws SQLException {
        long position;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(max(global_index), 0) FROM domain_event_entry"); ResultSet result = statement.executeQuery()) {
            result.next();
            position = result.getLong(1);
        }
        // after the query: every transaction that took a position up to it holds a lower ticket
        synchronized (tickets) {
            return new Reading(position, next, open.isEmpty() ? next : open.first());
        }
    }

    private long take() {
        synchronized (tickets) {
            open.add(next);
            return next++;
        }
    }

    private void giveBack(long ticket) {
        synchronized (tickets) {
            open.remove(ticket);
        }
    }
}

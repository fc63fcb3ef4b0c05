package dev.eskit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The highest log position at or below which the log is final: every transaction that took a
 * position there has committed or rolled back, so a missing position there stays missing. A reader
 * keeps a gap above it however many later events commit meanwhile, and drops the gaps below it.
 * Axon's own rule drops a gap once it is 10,000 positions or one minute behind, and with it the
 * event of a transaction that was slower than that.
 * <p>
 * Each reading of the database gives the highest committed position and a mark: every transaction
 * that could own a missing position at or below it had been given a mark below that one before
 * the reading. Once the floor (the oldest mark still open) has passed a reading's mark, the
 * positions up to that reading are final. A transaction takes its mark before it takes positions
 * ({@link #beforeTakingPositions}, or on PostgreSQL the position column's default), and positions
 * are handed out in increasing order, which is what makes this hold.
 */
abstract sealed class SettledPositions permits PostgresSettledPositions, InProcessSettledPositions {

    /** Readings kept while a long transaction holds the floor back; later ones wait for the next chance. */
    private static final int MAX_PENDING = 1024;

    private final Deque<Reading> pending = new ArrayDeque<>();
    private volatile long settled;

    /** The settled position as last read, without asking the database. */
    long known() {
        return settled;
    }

    /** Reads the database once; the settled position only grows. */
    synchronized long refresh(Connection connection) throws SQLException {
        Reading now = read(connection);
        while (!pending.isEmpty() && pending.peekFirst().mark() <= now.floor()) {
            settle(pending.pollFirst().position());
        }
        if (now.mark() <= now.floor()) {
            settle(now.position());
        } else if (pending.size() < MAX_PENDING) {
            pending.addLast(now);
        }
        return settled;
    }

    private void settle(long position) {
        settled = Math.max(settled, position);
    }

    /** Called in an appending transaction before it inserts its events, on its connection. */
    abstract void beforeTakingPositions(Connection connection) throws SQLException;

    /** The highest committed position, then the next mark to be given, then the oldest mark still open. */
    abstract Reading read(Connection connection) throws SQLException;

    record Reading(long position, long mark, long floor) {
    }
}

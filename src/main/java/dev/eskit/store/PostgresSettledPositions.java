package dev.eskit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * On PostgreSQL the marks are transaction ids, which cover every instance on the database. A
 * reading's mark is the next id to be given out: a snapshot's xmax is only one past the highest id
 * that completed, and a running transaction with a higher id is in neither xmax nor the snapshot's
 * list of running ids, so the mark adds {@code age(xmax)}, the distance from xmax to the next id.
 * The floor is the snapshot's xmin, the oldest id still running. An appending transaction has its id
 * before it takes a position, since the position column's default asks for the id first
 * (migration V5_9); otherwise the id would come with the row, after its position.
 */
final class PostgresSettledPositions extends SettledPositions {

    private static final String READ = "SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry), "
            + "pg_snapshot_xmax(s)::text::bigint + age(xid(pg_snapshot_xmax(s))), "
            + "pg_snapshot_xmin(s)::text::bigint FROM pg_current_snapshot() s";

    /** Nothing to do: the position column's default takes the transaction's id first (V5_9). */
    @Override
    void beforeTakingPositions(Connection connection) {
    }

    @Override
    Reading read(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ); ResultSet result = statement.executeQuery()) {
            result.next();
            return new Reading(result.getLong(1), result.getLong(2), result.getLong(3));
        }
    }
}

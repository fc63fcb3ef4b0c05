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
 * The floor is the snapshot's xmin, the oldest id still running. An appending transaction asks for
 * its id before the identity column hands it positions; otherwise it would get its id only on
 * inserting, after its position.
 */
final class PostgresSettledPositions extends SettledPositions {

    private static final String READ = "SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry), "
            + "pg_snapshot_xmax(s)::text::bigint + age(xid(pg_snapshot_xmax(s))), "
            + "pg_snapshot_xmin(s)::text::bigint FROM pg_current_snapshot() s";

    @Override
    void beforeTakingPositions(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_current_xact_id()")) {
            statement.executeQuery().close();
        }
    }

    @Override
    Reading read(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ); ResultSet result = statement.executeQuery()) {
            result.next();
            return new Reading(result.getLong(1), result.getLong(2), result.getLong(3));
        }
    }
}

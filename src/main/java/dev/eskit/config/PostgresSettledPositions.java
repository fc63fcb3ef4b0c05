package dev.eskit.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * On PostgreSQL the marks are transaction ids, which cover every instance on the database. A
 * reading's mark is one past the highest id given out so far: past the snapshot's running ids
 * (xip) and its xmax, which is only one past the highest id that completed, so that a running
 * transaction with a higher id than every completed one is still below the mark. The floor is the
 * snapshot's xmin, the oldest id still running. An appending transaction asks for its id before
 * the identity column hands it positions; otherwise it would get its id only on inserting, after
 * its position.
 */
final class PostgresSettledPositions extends SettledPositions {

    private static final String READ = "SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry), "
            + "greatest(pg_snapshot_xmax(s)::text::bigint, "
            + "(SELECT coalesce(max(running::text::bigint), 0) + 1 FROM pg_snapshot_xip(s) running)), "
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

package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.PostgresTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case that transaction ids make hard: the transaction holding the lowest open position has a
 * higher id than the one that committed after it, so no completed id is above it. Until it ends,
 * the positions up to the later commit are not final.
 */
@PostgresTest
class PostgresSettledPositionsTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void aPositionIsNotFinalWhileItsTransactionRunsEvenWithTheHighestIdGivenOut() throws SQLException {
        PostgresSettledPositions positions = new PostgresSettledPositions();
        try (Connection earlierId = transaction(); Connection laterId = transaction(); Connection reader = dataSource.getConnection()) {
            positions.beforeTakingPositions(earlierId);
            positions.beforeTakingPositions(laterId);
            long open = insert(laterId);
            long committed = insert(earlierId);
            earlierId.commit();

            assertThat(committed).isGreaterThan(open);
            assertThat(positions.refresh(reader)).isLessThan(open);
            assertThat(positions.refresh(reader)).isLessThan(open);

            laterId.commit();
            positions.refresh(reader);
            assertThat(positions.refresh(reader)).isGreaterThanOrEqualTo(committed);
        }
    }

    private Connection transaction() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static long insert(Connection connection) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload) VALUES (?, ?, 0, 'Test', "
                + "'2026-12-01T00:00:00Z', 'test', '\\x00'::bytea)", Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, id);
            statement.setString(2, "settled-" + id);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("global_index");
            }
        }
    }
}

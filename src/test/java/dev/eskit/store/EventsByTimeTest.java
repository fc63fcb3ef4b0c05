package dev.eskit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.Test;

/**
 * The start of a read from an instant is exactly Axon's {@code min(global_index) WHERE time_stamp >= ?}
 * when timestamps run out of order by less than the window, on H2 and PostgreSQL, over a table of
 * the event table's two columns that matter.
 */
class EventsByTimeTest {

    private static final Instant START = Instant.parse("2026-12-06T00:00:00Z");
    private static final EventSchema SCHEMA = EventSchema.builder().eventTable("events_by_time_probe")
            .globalIndexColumn("global_index").timestampColumn("time_stamp").build();

    @Test
    void agreesWithAxonsQueryOnH2() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:events-by-time;MODE=PostgreSQL")) {
            agreesWithAxonsQuery(connection);
        }
    }

    @Test
    void agreesWithAxonsQueryOnPostgres() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", System.getProperty("user.name"), "")) {
            agreesWithAxonsQuery(connection);
        }
    }

    private static void agreesWithAxonsQuery(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE events_by_time_probe (global_index BIGINT PRIMARY KEY, time_stamp VARCHAR(255) NOT NULL)");
            statement.execute("CREATE INDEX events_by_time_probe_time ON events_by_time_probe (time_stamp)");
        }
        // a millisecond apart, with one event in fifty stamped up to two seconds later than its place
        Random random = new Random(42);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events_by_time_probe VALUES (?, ?)")) {
            for (int position = 1; position <= 20_000; position += 1 + random.nextInt(3)) {
                long late = random.nextInt(50) == 0 ? random.nextInt(2_000) : 0;
                insert.setLong(1, position);
                insert.setString(2, DateTimeUtils.formatInstant(START.plusMillis(position + late)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        for (long millis = -10; millis <= 21_000; millis += 1 + random.nextInt(400)) {
            Instant instant = START.plusMillis(millis);
            assertThat(ours(connection, instant)).as(instant.toString()).isEqualTo(axons(connection, instant));
        }
    }

    private static Long ours(Connection connection, Instant instant) throws SQLException {
        try (PreparedStatement statement = EventsByTime.createTokenAt(connection, SCHEMA, instant)) {
            return first(statement);
        }
    }

    private static Long axons(Connection connection, Instant instant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT min(global_index) - 1 FROM events_by_time_probe WHERE time_stamp >= ?")) {
            statement.setString(1, DateTimeUtils.formatInstant(instant));
            return first(statement);
        }
    }

    private static Long first(PreparedStatement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            long value = result.getLong(1);
            return result.wasNull() ? null : value;
        }
    }
}

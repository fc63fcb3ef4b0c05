package dev.eskit.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The local PostgreSQL: a fresh database per run, and the reference scan of the event table. */
final class Database {

    private final String name;

    Database(String name) {
        this.name = name;
    }

    static String user() {
        return System.getProperty("user.name");
    }

    void recreate() throws SQLException {
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
    }

    /**
     * Gathers the planner's statistics, as autovacuum does on a server that has it on: this
     * machine's PostgreSQL runs with autovacuum off, so after a bulk fill the planner would still
     * believe the tables empty and choose plans no production server would.
     */
    void analyze() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    Connection connect() throws SQLException {
        return connect(name);
    }

    long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The reference of R1 and R2: every stored event read to the client in commit order, 1,000 rows
     * a round trip, the columns the product reads. Answers rows per second.
     */
    double scanEventsPerSecond() throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet events = statement.executeQuery("SELECT global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data "
                        + "FROM domain_event_entry ORDER BY global_index")) {
                    while (events.next()) {
                        rows++;
                        bytes += events.getBytes(9).length;
                    }
                }
            }
            connection.commit();
            if (bytes == 0 && rows > 0) {
                throw new IllegalStateException("the scan read no payloads");
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, user(), "");
    }
}

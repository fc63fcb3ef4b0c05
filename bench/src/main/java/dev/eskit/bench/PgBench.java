package dev.eskit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The physical limit: PostgreSQL doing the product's inserts itself, through pgbench, in the same
 * run. The table has the event table's shape: an identity position, the unique (stream, version)
 * key and a ~490-byte payload; commits are durable, as the product's are.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Database database;
    private final String name;
    private final Path scripts;

    PgBench(Database database, String name, Path scripts) {
        this.database = database;
        this.name = name;
        this.scripts = scripts;
    }

    void createTable() throws SQLException, IOException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS reference_event");
            statement.execute("CREATE TABLE reference_event (global_index BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, payload BYTEA NOT NULL, "
                    + "UNIQUE (aggregate_identifier, sequence_number))");
        }
        Files.createDirectories(scripts);
        String payload = "convert_to('" + Payloads.event() + "', 'UTF8')";
        Files.writeString(scripts.resolve("one-event.sql"), "INSERT INTO reference_event (aggregate_identifier, "
                + "sequence_number, payload) VALUES (gen_random_uuid()::text, 0, " + payload + ");\n");
        Files.writeString(scripts.resolve("ten-events.sql"), "INSERT INTO reference_event (aggregate_identifier, "
                + "sequence_number, payload) SELECT stream.id, version, " + payload
                + " FROM (SELECT gen_random_uuid()::text AS id) stream, generate_series(0, 9) version;\n");
    }

    /** Transactions per second of one script at that many clients, durable commits, prepared statements. */
    double transactionsPerSecond(String script, int clients, Duration duration) throws IOException, InterruptedException {
        List<String> command = List.of("pgbench", "-n", "-M", "prepared", "-h", "127.0.0.1", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(clients, 4)), "-T", String.valueOf(Math.max(1, duration.toSeconds())),
                "-f", scripts.resolve(script).toString(), name);
        Matcher tps = LoadGenerators.run(command, TPS);
        return Double.parseDouble(tps.group(1));
    }
}

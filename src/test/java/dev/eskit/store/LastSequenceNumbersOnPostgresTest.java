package dev.eskit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.PostgresSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.LastSequenceNumberForStatementBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stream's last sequence number under the plan PostgreSQL keeps for a prepared statement that was
 * planned while the event table was small, as a pooled connection keeps it for its life; then one
 * stream grows to 20,001 events. On a table of its own in a schema of its own.
 */
class LastSequenceNumbersOnPostgresTest {

    private static final int LONG_STREAM = 20_001;

    private final String schema = "eskit_last_seq_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final EventSchema events = new EventTableConfiguration().eventSchema();

    @BeforeEach
    void createSmallTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("CREATE TABLE domain_event_entry (aggregate_identifier VARCHAR(255) NOT NULL, "
                    + "sequence_number BIGINT NOT NULL, UNIQUE (aggregate_identifier, sequence_number))");
            statement.execute("INSERT INTO domain_event_entry SELECT 'short-' || (i % 5), i / 5 FROM generate_series(0, 9) i");
        }
    }

    @AfterEach
    void dropSchema() {
        PostgresSchema.drop(schema);
    }

    @Test
    void readsOneIndexEntryOfALongStream() throws Exception {
        assertThat(rowsScanned(LastSequenceNumbers::statement)).isEqualTo(1);
    }

    /** What the statement above replaces: it shows that this plan is the one the test provokes. */
    @Test
    void axonsMaxReadsEveryEventOfTheStream() throws Exception {
        assertThat(rowsScanned(JdbcEventStorageEngineStatements::lastSequenceNumberFor)).isEqualTo(LONG_STREAM);
    }

    private long rowsScanned(LastSequenceNumberForStatementBuilder builder) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // the statement's text with its one parameter, as the driver would prepare it on the server
            String sql = builder.build(connection, events, "long").toString().replace("'long'", "$1");
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE last_sequence_number(varchar) AS " + sql);
            statement.execute("EXECUTE last_sequence_number('long')");
            statement.execute("INSERT INTO domain_event_entry SELECT 'long', i FROM generate_series(0, " + (LONG_STREAM - 1) + ") i");
            try (ResultSet plan = statement.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE last_sequence_number('long')")) {
                plan.next();
                return scans(JsonMapper.shared().readTree(plan.getString(1)).get(0).get("Plan"))
                        .mapToLong(node -> node.get("Actual Rows").asLong()).max().orElseThrow();
            }
        }
    }

    private static Stream<JsonNode> scans(JsonNode node) {
        Stream<JsonNode> self = node.get("Node Type").asString().endsWith("Scan") ? Stream.of(node) : Stream.empty();
        return node.has("Plans") ? Stream.concat(self, node.get("Plans").valueStream().flatMap(LastSequenceNumbersOnPostgresTest::scans)) : self;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(PostgresSchema.SERVER + "?currentSchema=" + schema, PostgresSchema.USER, "");
    }
}

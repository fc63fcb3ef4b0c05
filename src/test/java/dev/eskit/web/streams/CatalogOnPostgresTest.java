package dev.eskit.web.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.PostgresTest;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
class CatalogOnPostgresTest extends CatalogTests {

    @Autowired
    private JdbcTemplate jdbc;

    /**
     * The primary key serves an id prefix under the column's "C" collation, with no index of its own
     * for patterns (V5_8); sequential scans are off so that the plan shows an index whenever one can
     * serve the pattern, however few rows the test's table holds.
     */
    @Test
    void thePrimaryKeyServesAnIdPrefix() {
        String plan = jdbc.execute((Statement statement) -> {
            statement.execute("SET enable_seqscan = off");
            try (ResultSet rows = statement.executeQuery(
                    "EXPLAIN SELECT stream_id FROM catalog_stream WHERE stream_id LIKE 'order-%' ORDER BY stream_id LIMIT 10")) {
                StringBuilder text = new StringBuilder();
                while (rows.next()) {
                    text.append(rows.getString(1)).append('\n');
                }
                return text.toString();
            } finally {
                statement.execute("RESET enable_seqscan");
            }
        });
        assertThat(plan).contains("catalog_stream_pkey").contains("Index Cond").doesNotContain("Seq Scan");
    }
}

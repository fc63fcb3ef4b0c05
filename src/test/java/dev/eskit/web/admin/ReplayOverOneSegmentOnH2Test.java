package dev.eskit.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import dev.eskit.support.H2Test;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A projection follows the log on one segment and replays on two threads: its replay first
 * spreads that segment over both threads, and the processor keeps the two segments afterwards.
 */
@H2Test
@TestPropertySource(properties = {
        // a database of its own, whose tokens this test's context makes
        "spring.datasource.url=jdbc:h2:mem:eskit-one-segment;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class ReplayOverOneSegmentOnH2Test extends ApiTest {

    private static final String PROCESSOR = "/api/v1/admin/processors/entities";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theReplaySpreadsTheOneSegmentOverBothThreadsAndRebuildsTheSameRows() {
        String type = uniquePartition();
        for (int i = 0; i < 50; i++) {
            Response created = api.post(Role.WRITER, "/api/v1/entities/" + type, Map.of("n", i));
            assertThat(created.status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(Role.ADMIN, PROCESSOR).json().get("lag").asLong() == 0);
        assertThat(segments()).containsExactly(0);
        List<Map<String, Object>> before = rows(type);
        assertThat(before).hasSize(50);

        assertThat(api.post(Role.ADMIN, PROCESSOR + "/replay", Map.of()).status()).isEqualTo(202);

        JsonNode finished = await().atMost(Duration.ofSeconds(30)).until(() -> api.get(Role.ADMIN, PROCESSOR).json(),
                processor -> processor.get("lastReplay").get("state").asString().equals("completed")
                        && processor.get("lag").asLong() == 0);
        assertThat(finished.get("segments").asInt()).isEqualTo(2);
        assertThat(segments()).containsExactly(0, 1);
        assertThat(rows(type)).isEqualTo(before);
    }

    private List<Integer> segments() {
        return jdbc.queryForList("SELECT segment FROM token_entry WHERE processor_name = 'entities' ORDER BY segment", Integer.class);
    }

    private List<Map<String, Object>> rows(String type) {
        return jdbc.queryForList("SELECT * FROM entity_view WHERE type = ? ORDER BY entity_id", type);
    }
}

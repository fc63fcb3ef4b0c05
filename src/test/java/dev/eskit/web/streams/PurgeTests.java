package dev.eskit.web.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * POST /admin/purge on the JDBC store: it removes exactly the events reads no longer show, while a
 * reader paging the log with a cursor taken before goes on without a gap or a repeat, the stream's
 * aggregate still decides on the right version, and a replay rebuilds from what remains.
 */
abstract class PurgeTests extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void removesExactlyTheRetiredEventsAndEveryReaderStaysCorrect() {
        String p = uniquePartition();
        String kept = uniqueStream();
        String deleted = uniqueStream();
        String before = endCursor();
        appendOk(kept, null, events(p, "k", 5));
        appendOk(deleted, null, events(p, "d", 2));
        assertThat(api.delete(Role.WRITER, "/api/v1/streams/" + deleted).status()).isEqualTo(204);
        appendOk(deleted, "no_stream", events(p, "r", 1));
        assertThat(api.put(Role.WRITER, "/api/v1/streams/" + kept + "/metadata", Map.of("maxCount", 2)).status()).isEqualTo(200);
        JsonNode firstPage = api.get(Role.READER, "/api/v1/log?limit=3&selector=" + p + ".*&after=" + before).json();
        assertThat(texts(firstPage.get("entries"), "id")).containsExactly("k1", "k2", "k3");

        Response purged = api.post(Role.ADMIN, "/api/v1/admin/purge", Map.of());

        assertThat(purged.status()).as(purged.toString()).isEqualTo(200);
        assertThat(purged.json().get("events").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(sequences(kept)).as("only the two newest are left").containsExactly(3L, 4L);
        assertThat(sequences(deleted)).as("the deletion stays, and what came after it").containsExactly(2L, 3L);
        assertThat(versions(kept)).containsExactly(4L, 5L);
        assertThat(versions(deleted)).containsExactly(4L);
        assertThat(append(kept, 5, List.of(event("k6", p + ".Counted", Map.of("i", 6)))).status()).as("the aggregate still knows its version").isEqualTo(201);

        JsonNode rest = api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&after=" + firstPage.get("cursor").asString()).json();
        assertThat(texts(rest.get("entries"), "id")).as("the cursor reader goes on past what was removed")
                .containsExactly("k4", "k5", rest.get("entries").get(2).get("id").asString(), "r1", "k6");
        assertThat(rest.get("entries").get(2).get("type").asString()).isEqualTo(p + ".StreamDeleted");
        JsonNode fromStart = api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&after=" + before).json();
        assertThat(fromStart.get("entries")).hasSize(5);

        assertThat(api.post(Role.ADMIN, "/api/v1/admin/processors/catalog/replay", Map.of()).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(Role.ADMIN, "/api/v1/admin/processors/catalog").json(),
                catalog -> !catalog.get("replaying").asBoolean() && catalog.get("lag").asLong() == 0);
        JsonNode listed = api.get(Role.READER, "/api/v1/streams?prefix=" + kept).json().get("items");
        assertThat(listed.get(0).get("version").asLong()).isEqualTo(6);
        assertThat(api.post(Role.WRITER, "/api/v1/admin/purge", Map.of()).status()).isEqualTo(403);
    }

    private List<Long> sequences(String stream) {
        return jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                Long.class, stream);
    }

    private List<Long> versions(String stream) {
        return api.get(Role.READER, "/api/v1/streams/" + stream + "/events").json().get("events").valueStream()
                .map(event -> event.get("version").asLong()).toList();
    }

    private static List<Map<String, Object>> events(String partition, String idPrefix, int count) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            events.add(event(idPrefix + i, partition + ".Counted", Map.of("i", i)));
        }
        return events;
    }
}

package dev.eskit.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.Api;
import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import dev.eskit.support.Scrape;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A projection failing on one stream: the fault is a check constraint on {@code entity_view} that
 * refuses one entity's second version, as a broken read table would. Run on each storage configuration.
 */
abstract class DeadLetterTests extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void parksAFailingStreamsEventsInOrderWhileOthersGoOnAndRetriesThemOnceTheFaultIsGone() {
        String type = uniquePartition();
        create(type, "poisoned");
        create(type, "healthy");
        String fault = breakEntity(type, "poisoned");
        List<JsonNode> parked;
        try {
            assertThat(patch(type, "poisoned", 1, Map.of("step", 2)).status()).isEqualTo(200);
            assertThat(patch(type, "poisoned", 2, Map.of("step", 3)).status()).isEqualTo(200);
            assertThat(patch(type, "healthy", 1, Map.of("step", 2)).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lettersOf("entity:" + type + ":poisoned")).hasSize(2));
            parked = lettersOf("entity:" + type + ":poisoned");
            assertThat(listed(type)).containsEntry("healthy", 2L).containsEntry("poisoned", 1L);
            // the view is behind, the entity's own read is not: it answers from the event store
            assertThat(entity(type, "poisoned").get("version").asLong()).isEqualTo(3);
            assertThat(parked).extracting(letter -> letter.get("version").asLong()).containsExactly(2L, 3L);
            assertThat(parked).extracting(letter -> letter.get("index").asLong()).isSorted();
            assertThat(parked).allSatisfy(letter -> {
                assertThat(letter.get("processor").asString()).isEqualTo("entities");
                assertThat(letter.get("eventType").asString()).isEqualTo(type + ".Updated");
            });
            assertThat(parked.get(0).get("causeType").asString()).isNotBlank();
            assertThat(parked.get(1).has("causeType")).as("the second waited without being tried").isFalse();
            assertThat(lettersOf("entity:" + type + ":healthy")).isEmpty();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Scrape.of(api)
                    .value("eskit_processor_dead_letters_events", Map.of("processor", "entities"))).hasValue(deadLetterCount()));

            JsonNode stillFailing = retry(parked.get(1).get("id").asString()).json();
            assertThat(stillFailing.get("succeeded").asBoolean()).isFalse();
            assertThat(stillFailing.get("remaining").asLong()).isEqualTo(2);
        } finally {
            jdbc.execute("ALTER TABLE entity_view DROP CONSTRAINT " + fault);
        }

        JsonNode retried = retry(parked.get(0).get("id").asString()).json();

        assertThat(retried.get("succeeded").asBoolean()).isTrue();
        assertThat(retried.get("remaining").asLong()).isZero();
        JsonNode poisoned = entity(type, "poisoned");
        assertThat(poisoned.get("version").asLong()).isEqualTo(3);
        assertThat(poisoned.get("data").get("step").asInt()).isEqualTo(3);
        assertThat(lettersOf("entity:" + type + ":poisoned")).isEmpty();
        assertThat(api.post(Role.ADMIN, "/api/v1/admin/dead-letters/" + parked.get(0).get("id").asString() + "/retry",
                Map.of()).status()).isEqualTo(404);
    }

    @Test
    void deletesADeadLetterSoThatItsProjectionNeverSeesIt() {
        String type = uniquePartition();
        create(type, "dropped");
        String fault = breakEntity(type, "dropped");
        JsonNode letter;
        try {
            patch(type, "dropped", 1, Map.of("step", 2));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lettersOf("entity:" + type + ":dropped")).hasSize(1));
            letter = lettersOf("entity:" + type + ":dropped").get(0);
        } finally {
            jdbc.execute("ALTER TABLE entity_view DROP CONSTRAINT " + fault);
        }
        String path = "/api/v1/admin/dead-letters/" + letter.get("id").asString();

        assertThat(api.delete(Role.WRITER, path).status()).isEqualTo(403);
        assertThat(api.delete(Role.ADMIN, path).status()).isEqualTo(204);

        assertThat(lettersOf("entity:" + type + ":dropped")).isEmpty();
        assertThat(listed(type)).containsEntry("dropped", 1L);
        Response again = api.delete(Role.ADMIN, path);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    private String breakEntity(String type, String id) {
        String fault = "fault_" + type.toLowerCase(Locale.ROOT);
        jdbc.execute("ALTER TABLE entity_view ADD CONSTRAINT " + fault + " CHECK (type <> '" + type
                + "' OR entity_id <> '" + id + "' OR version < 2)");
        return fault;
    }

    private void create(String type, String id) {
        Response created = api.send(api.request(Role.WRITER, "/api/v1/entities/" + type + "/" + id)
                .header("Content-Type", "application/json").header("If-None-Match", "*")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"step\":1}")));
        assertThat(created.status()).isEqualTo(201);
    }

    private Response patch(String type, String id, long version, Map<String, Object> patch) {
        return api.send(api.request(Role.WRITER, "/api/v1/entities/" + type + "/" + id)
                .header("Content-Type", "application/merge-patch+json").header("If-Match", "\"" + version + "\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(patch))));
    }

    private JsonNode entity(String type, String id) {
        return api.get(Role.READER, "/api/v1/entities/" + type + "/" + id).json();
    }

    /** The versions that the entities view lists for a type, by id. */
    private Map<String, Long> listed(String type) {
        Map<String, Long> versions = new HashMap<>();
        api.get(Role.READER, "/api/v1/entities/" + type + "?limit=200").json().get("items")
                .forEach(item -> versions.put(item.get("id").asString(), item.get("version").asLong()));
        return versions;
    }

    private Response retry(String id) {
        Response response = api.post(Role.ADMIN, "/api/v1/admin/dead-letters/" + id + "/retry", Map.of());
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    private List<JsonNode> lettersOf(String stream) {
        return api.get(Role.ADMIN, "/api/v1/admin/dead-letters").json().valueStream()
                .filter(letter -> letter.get("sequence").asString().equals(stream))
                .toList();
    }

    private long deadLetterCount() {
        return api.get(Role.ADMIN, "/api/v1/admin/dead-letters").json().valueStream()
                .filter(letter -> letter.get("processor").asString().equals("entities"))
                .count();
    }
}

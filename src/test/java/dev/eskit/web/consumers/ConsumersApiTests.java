package dev.eskit.web.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Section 3 of the API contract, run against each storage configuration by a subclass. */
abstract class ConsumersApiTests extends ApiTest {

    @Test
    void savesACheckpointAndReportsItsLag() {
        String p = uniquePartition();
        String start = endCursor();
        appendOk(uniqueStream(), null, List.of(event(p + ".A", Map.of()), event(p + ".B", Map.of()), event(p + ".C", Map.of())));
        JsonNode page = api.get(Role.READER, "/api/v1/log?limit=1&after=" + start).json();
        long position = page.get("entries").get(0).get("position").asLong();
        String name = consumerName();

        Response saved = api.put(Role.WRITER, "/api/v1/consumers/" + name, Map.of("cursor", page.get("cursor").asString()));

        assertThat(saved.status()).isEqualTo(200);
        JsonNode consumer = api.get(Role.READER, "/api/v1/consumers/" + name).json();
        assertThat(consumer.get("name").asString()).isEqualTo(name);
        assertThat(consumer.get("cursor").asString()).isEqualTo(page.get("cursor").asString());
        assertThat(consumer.get("position").asLong()).isEqualTo(position);
        assertThat(consumer.get("lag").asLong()).isEqualTo(head() - position).isGreaterThanOrEqualTo(2);
        assertThat(consumer.get("updatedAt").asString()).endsWith("Z");

        JsonNode resumed = api.get(Role.READER, "/api/v1/log?after=" + consumer.get("cursor").asString()).json();
        assertThat(resumed.get("entries").get(0).get("position").asLong()).isGreaterThan(position);
    }

    @Test
    void movesACheckpointAndListsEveryConsumer() {
        String first = consumerName();
        String second = consumerName();
        appendOk(uniqueStream(), null, List.of(event(uniquePartition() + ".A", Map.of())));
        String end = endCursor();
        api.put(Role.WRITER, "/api/v1/consumers/" + first, Map.of("cursor", end));
        api.put(Role.WRITER, "/api/v1/consumers/" + second, Map.of("cursor", end));
        appendOk(uniqueStream(), null, List.of(event(uniquePartition() + ".A", Map.of())));

        Response moved = api.put(Role.WRITER, "/api/v1/consumers/" + first, Map.of("cursor", endCursor()));

        assertThat(moved.json().get("lag").asLong()).isZero();
        JsonNode all = api.get(Role.READER, "/api/v1/consumers").json();
        assertThat(all.isArray()).isTrue();
        JsonNode firstListed = find(all, first);
        JsonNode secondListed = find(all, second);
        assertThat(firstListed.get("lag").asLong()).isZero();
        assertThat(secondListed.get("lag").asLong()).isEqualTo(1);
    }

    @Test
    void manyFirstSavesOfOneNameAtOnceAllSucceed() throws Exception {
        String name = "race-" + UUID.randomUUID();
        String cursor = endCursor();
        ExecutorService savers = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(savers.submit(() -> api.put(Role.WRITER, "/api/v1/consumers/" + name, Map.of("cursor", cursor)).status()));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(200);
        }
        savers.shutdown();
        assertThat(api.get(Role.READER, "/api/v1/consumers/" + name).json().get("cursor").asString()).isEqualTo(cursor);
    }

    @Test
    void deletesACheckpoint() {
        String name = consumerName();
        api.put(Role.WRITER, "/api/v1/consumers/" + name, Map.of("cursor", endCursor()));

        assertThat(api.delete(Role.WRITER, "/api/v1/consumers/" + name).status()).isEqualTo(204);
        assertThat(api.get(Role.READER, "/api/v1/consumers/" + name).status()).isEqualTo(404);
        assertThat(api.delete(Role.WRITER, "/api/v1/consumers/" + name).status()).isEqualTo(404);
    }

    @Test
    void answers404ForAConsumerNeverSaved() {
        Response response = api.get(Role.READER, "/api/v1/consumers/" + consumerName());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void rejectsBadCheckpointsWith400AndSavesNothing() {
        String name = consumerName();
        String path = "/api/v1/consumers/" + name;

        assertThat(api.put(Role.WRITER, path, Map.of("cursor", "garbage")).status()).isEqualTo(400);
        assertThat(api.put(Role.WRITER, path, Map.of()).status()).isEqualTo(400);
        assertThat(api.put(Role.WRITER, path, Map.of("cursor", 12)).status()).isEqualTo(400);
        assertThat(api.put(Role.WRITER, path, "{").status()).isEqualTo(400);
        assertThat(api.put(Role.WRITER, "/api/v1/consumers/bad%20name", Map.of("cursor", endCursor())).status()).isEqualTo(400);
        assertThat(api.get(Role.READER, path).status()).isEqualTo(404);
    }

    private static String consumerName() {
        return "consumer-" + UUID.randomUUID();
    }

    private static JsonNode find(JsonNode consumers, String name) {
        return consumers.valueStream().filter(consumer -> consumer.get("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not listed in " + consumers));
    }
}

package dev.eskit.web.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PUT/GET /streams/{id}/metadata (section 8 of the API contract): its own versions, and reads that hide what it retires at once. */
abstract class StreamMetadataTests extends ApiTest {

    @Test
    void keepsMetadataAtVersionsOfItsOwnBesideTheStreams() {
        String stream = uniqueStream();
        appendOk(stream, null, List.of(event("Ledger.Opened", Map.of())));
        String start = endCursor();

        Response first = setMetadata(stream, metadata("no_stream", Map.of("maxCount", 10, "custom", Map.of("owner", "billing"))));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.json().get("version").asLong()).isEqualTo(1);
        JsonNode read = api.get(Role.READER, "/api/v1/streams/" + stream + "/metadata").json();
        assertThat(read.get("version").asLong()).isEqualTo(1);
        assertThat(read.get("maxCount").asLong()).isEqualTo(10);
        assertThat(read.get("custom").get("owner").asString()).isEqualTo("billing");

        assertThat(setMetadata(stream, metadata(1, Map.of("truncateBefore", 1))).json().get("version").asLong()).isEqualTo(2);
        Response stale = setMetadata(stream, metadata(1, Map.of()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
        JsonNode replaced = api.get(Role.READER, "/api/v1/streams/" + stream + "/metadata").json();
        assertThat(replaced.get("maxCount").isNull()).as("a new version replaces the whole metadata").isTrue();
        assertThat(append(stream, 1, List.of(event("Ledger.Credited", Map.of()))).status())
                .as("the stream's own version did not move").isEqualTo(201);
        JsonNode changes = api.get(Role.READER, "/api/v1/log?selector=StreamMetadata.*&after=" + start).json().get("entries");
        assertThat(texts(changes, "type")).containsExactly("StreamMetadata.Set", "StreamMetadata.Set");
        assertThat(changes.get(0).get("data").get("streamId").asString()).isEqualTo(stream);
        assertThat(api.get(Role.READER, "/api/v1/streams?prefix=%24%24" + stream).json().get("items"))
                .as("the metadata's own aggregate is no stream to list").isEmpty();
    }

    @Test
    void readsHideAllButTheNewestMaxCountEventsAtOnce() {
        String stream = uniqueStream();
        appendOk(stream, null, events(5));

        setMetadata(stream, metadata("any", Map.of("maxCount", 2)));

        assertThat(versions(stream, "limit=100")).containsExactly(4L, 5L);
        assertThat(versions(stream, "direction=backward")).containsExactly(5L, 4L);
        assertThat(versions(stream, "fromVersion=1&limit=1")).containsExactly(4L);
        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream + "/events").json().get("version").asLong()).isEqualTo(5);
        appendOk(stream, 5, events(1));
        assertThat(versions(stream, "limit=100")).containsExactly(5L, 6L);
    }

    @Test
    void readsHideTheEventsBelowTruncateBefore() {
        String stream = uniqueStream();
        appendOk(stream, null, events(4));

        setMetadata(stream, metadata("any", Map.of("truncateBefore", 3)));

        assertThat(versions(stream, "limit=100")).containsExactly(3L, 4L);
        assertThat(versions(stream, "direction=backward&fromVersion=2")).isEmpty();
    }

    @Test
    void readsHideEventsOlderThanMaxAgeAndAStreamWithAllRetiredReadsEmpty() {
        String stream = uniqueStream();
        appendOk(stream, null, events(2));
        Instant old = Instant.parse(api.get(Role.READER, "/api/v1/streams/" + stream).json().get("updatedAt").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(old.plusSeconds(2)));
        appendOk(stream, 2, events(1));

        setMetadata(stream, metadata("any", Map.of("maxAge", 1)));

        assertThat(versions(stream, "limit=100")).containsExactly(3L);
        assertThat(versions(stream, "direction=backward")).containsExactly(3L);
        await().atMost(Duration.ofSeconds(10)).until(() -> versions(stream, "limit=100").isEmpty());
        Response empty = api.get(Role.READER, "/api/v1/streams/" + stream + "/events");
        assertThat(empty.status()).as("the stream exists; its events are retired").isEqualTo(200);
        assertThat(empty.json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void refusesMetadataThatCannotBeMetAndChangesNothing() {
        String stream = uniqueStream();
        appendOk(stream, null, events(1));
        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream + "/metadata").status()).isEqualTo(404);
        long head = head();

        for (Map<String, Object> bad : List.of(metadata("sometimes", Map.of()), metadata("any", Map.of("maxCount", 0)),
                metadata("any", Map.of("maxAge", -1)), metadata("any", Map.of("custom", List.of(1))),
                metadata("any", Map.of("maxCount", "ten")))) {
            Response refused = setMetadata(stream, bad);
            assertThat(refused.status()).as(bad + " → " + refused).isEqualTo(400);
        }
        assertThat(api.put(Role.READER, "/api/v1/streams/" + stream + "/metadata", metadata("any", Map.of())).status()).isEqualTo(403);
        assertThat(append(uniqueStream(), null, List.of(event("StreamMetadata.Set", Map.of()))).status()).isEqualTo(400);
        assertThat(head()).isEqualTo(head);

        api.delete(Role.WRITER, "/api/v1/streams/" + stream + "?mode=tombstone");
        assertThat(setMetadata(stream, metadata("any", Map.of())).status()).isEqualTo(410);
        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream + "/metadata").status()).isEqualTo(410);
    }

    private Response setMetadata(String stream, Map<String, Object> body) {
        return api.put(Role.WRITER, "/api/v1/streams/" + stream + "/metadata", body);
    }

    private static Map<String, Object> metadata(Object expectedVersion, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("expectedVersion", expectedVersion);
        return body;
    }

    private static List<Map<String, Object>> events(int count) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event("Ledger.Credited", Map.of("i", i)));
        }
        return events;
    }

    private List<Long> versions(String stream, String query) {
        JsonNode events = api.get(Role.READER, "/api/v1/streams/" + stream + "/events?" + query).json().get("events");
        return events.valueStream().map(event -> event.get("version").asLong()).toList();
    }
}

package dev.eskit.web.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Section 4 of the API contract (the ESKIT Crud Store scenarios), run on each storage configuration. */
abstract class EntitiesApiTests extends EntityApiTest {

    @Test
    void createsAndReadsBackAnEntity() {
        String type = uniquePartition();
        Response created = api.post(Role.WRITER, "/api/v1/entities/" + type, Map.of("name", "Ada", "tags", List.of("x")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode entity = created.json();
        String id = entity.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/entities/" + type + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(entity.get("type").asString()).isEqualTo(type);
        assertThat(entity.get("version").asLong()).isEqualTo(1);
        assertThat(entity.get("deleted").asBoolean()).isFalse();
        assertThat(entity.get("createdAt").asString()).isEqualTo(entity.get("updatedAt").asString());

        Response read = api.get(Role.READER, "/api/v1/entities/" + type + "/" + id);
        assertThat(read.json()).isEqualTo(entity);
        assertThat(read.json().get("data").get("name").asString()).isEqualTo("Ada");
    }

    @Test
    void createsWithAChosenIdOnceAndRefusesADuplicate() {
        String path = "/api/v1/entities/" + uniquePartition() + "/inv-1";
        Response first = putCreating(path, Map.of("total", 10));
        Response second = putCreating(path, Map.of("total", 11));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(api.get(Role.READER, path).json().get("data").get("total").asInt()).isEqualTo(10);
    }

    @Test
    void answers404ForAnUnknownEntity() {
        String path = "/api/v1/entities/" + uniquePartition() + "/nobody";
        assertThat(api.get(Role.READER, path).status()).isEqualTo(404);
        assertThat(api.get(Role.READER, path + "/history").status()).isEqualTo(404);
        assertThat(patch(path, "\"1\"", Map.of("a", 1)).status()).isEqualTo(404);
        assertThat(api.delete(Role.WRITER, path).status()).isEqualTo(404);
    }

    @Test
    void replacesStoringOnlyTheMergePatchAndKeepsOldVersionsReadable() {
        String type = uniquePartition();
        String path = "/api/v1/entities/" + type + "/e1";
        putCreating(path, Map.of("name", "a", "size", 1, "keep", true));

        Response replaced = replace(path, "\"1\"", Map.of("name", "b", "keep", true));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("version").asLong()).isEqualTo(2);
        assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.get(Role.READER, path).json().get("data")).isEqualTo(json("{\"name\":\"b\",\"keep\":true}"));
        assertThat(api.get(Role.READER, path + "?version=1").json().get("data")).isEqualTo(json("{\"name\":\"a\",\"size\":1,\"keep\":true}"));
        assertThat(api.get(Role.READER, path + "?version=2").json().get("version").asLong()).isEqualTo(2);
        assertThat(api.get(Role.READER, path + "?version=3").status()).isEqualTo(404);
        JsonNode stored = api.get(Role.READER, "/api/v1/streams/entity:" + type + ":e1/events").json().get("events");
        assertThat(stored.get(1).get("type").asString()).isEqualTo(type + ".Updated");
        assertThat(stored.get(1).get("data")).isEqualTo(json("{\"name\":\"b\",\"size\":null}"));
    }

    @Test
    void refusesAStaleVersionWith412AndAMissingIfMatchWith428() {
        String path = "/api/v1/entities/" + uniquePartition() + "/e1";
        putCreating(path, Map.of("n", 1));
        patch(path, "\"1\"", Map.of("n", 2));

        Response stale = patch(path, "\"1\"", Map.of("n", 3));
        Response missing = api.send(api.request(Role.WRITER, path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", BodyPublishers.ofString("{\"n\":4}")));
        Response replaceWithout = api.put(Role.WRITER, path, Map.of("n", 5));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(replaceWithout.status()).isEqualTo(428);
        assertThat(api.get(Role.READER, path).json().get("data").get("n").asInt()).isEqualTo(2);
    }

    @Test
    void appliesMergePatchSemantics() {
        String path = "/api/v1/entities/" + uniquePartition() + "/e1";
        putCreating(path, Map.of("a", 1, "b", 2, "nested", Map.of("x", 1, "y", 2), "list", List.of(1, 2, 3)));

        Response patched = patch(path, "\"1\"", "{\"a\":null,\"nested\":{\"y\":3,\"z\":4},\"list\":[9]}");

        assertThat(patched.json().get("data")).isEqualTo(json("{\"b\":2,\"nested\":{\"x\":1,\"y\":3,\"z\":4},\"list\":[9]}"));
        Response empty = patch(path, "\"2\"", "{}");
        Response noChange = patch(path, "\"2\"", "{\"b\":2}");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("version").asLong()).isEqualTo(2);
        assertThat(noChange.json().get("version").asLong()).isEqualTo(2);
        assertThat(api.get(Role.READER, path + "/history").json()).hasSize(2);
    }

    @Test
    void ifMatchStarChangesWhateverVersionIsCurrent() {
        String path = "/api/v1/entities/" + uniquePartition() + "/e1";
        putCreating(path, Map.of("n", 1));
        patch(path, "\"1\"", "{\"n\":2}");

        Response patched = patch(path, "*", "{\"n\":3}");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("version").asLong()).isEqualTo(3);
        assertThat(patch(path.replace("/e1", "/missing"), "*", "{\"n\":3}").status()).isEqualTo(404);
    }

    @Test
    void deletesSoftly() {
        String path = "/api/v1/entities/" + uniquePartition() + "/e1";
        putCreating(path, Map.of("n", 1));

        assertThat(api.delete(Role.WRITER, path).status()).isEqualTo(204);
        assertThat(api.get(Role.READER, path).status()).isEqualTo(404);
        Response withDeleted = api.get(Role.READER, path + "?deleted=true");
        assertThat(withDeleted.status()).isEqualTo(200);
        assertThat(withDeleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(withDeleted.json().get("data").get("n").asInt()).isEqualTo(1);
        assertThat(withDeleted.json().get("version").asLong()).isEqualTo(2);
        assertThat(api.delete(Role.WRITER, path).status()).isEqualTo(404);
        assertThat(patch(path, "\"2\"", Map.of("n", 2)).status()).isEqualTo(404);
        assertThat(putCreating(path, Map.of("n", 3)).status()).isEqualTo(409);
    }

    @Test
    void deletesOnlyAtTheStatedVersion() {
        String path = "/api/v1/entities/" + uniquePartition() + "/e1";
        putCreating(path, Map.of("n", 1));
        Response stale = api.send(api.request(Role.WRITER, path).header("If-Match", "\"7\"").DELETE());
        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.send(api.request(Role.WRITER, path).header("If-Match", "\"1\"").DELETE()).status()).isEqualTo(204);
    }

    @Test
    void travelsInTimeByInstant() {
        String path = "/api/v1/entities/" + uniquePartition() + "/e1";
        Instant before = Instant.parse("2000-01-01T00:00:00Z");
        JsonNode v1 = putCreating(path, Map.of("n", 1)).json();
        JsonNode v2 = patch(path, "\"1\"", Map.of("n", 2)).json();
        api.delete(Role.WRITER, path);
        JsonNode history = api.get(Role.READER, path + "/history").json();
        String deletedAt = history.get(2).get("timestamp").asString();

        assertThat(api.get(Role.READER, path + "?asOf=" + before).status()).isEqualTo(404);
        assertThat(api.get(Role.READER, path + "?asOf=" + v1.get("updatedAt").asString()).json().get("data").get("n").asInt()).isEqualTo(1);
        assertThat(api.get(Role.READER, path + "?asOf=" + v2.get("updatedAt").asString()).json().get("version").asLong()).isEqualTo(2);
        assertThat(api.get(Role.READER, path + "?asOf=" + deletedAt).status()).isEqualTo(404);
        JsonNode lastState = api.get(Role.READER, path + "?asOf=" + deletedAt + "&deleted=true").json();
        assertThat(lastState.get("deleted").asBoolean()).isTrue();
        assertThat(lastState.get("data").get("n").asInt()).isEqualTo(2);
        assertThat(api.get(Role.READER, path + "?asOf=yesterday").status()).isEqualTo(400);
    }

    @Test
    void recordsAReadableHistoryWithActorsAndChanges() {
        String path = "/api/v1/entities/" + uniquePartition() + "/e1";
        putCreating(path, Map.of("name", "a", "nested", Map.of("x", 1)));
        api.send(api.request(Role.ADMIN, path).header("Content-Type", "application/merge-patch+json").header("If-Match", "\"1\"")
                .method("PATCH", BodyPublishers.ofString("{\"name\":\"b\",\"nested\":{\"x\":null,\"y\":2}}")));
        api.delete(Role.WRITER, path);

        JsonNode history = api.get(Role.READER, path + "/history").json();

        assertThat(history).hasSize(3);
        assertThat(texts(history, "event")).containsExactly("Created", "Updated", "Deleted");
        assertThat(texts(history, "actor")).containsExactly("writer", "admin", "writer");
        assertThat(history.get(1).get("version").asLong()).isEqualTo(2);
        assertThat(history.get(1).get("patch")).isEqualTo(json("{\"name\":\"b\",\"nested\":{\"x\":null,\"y\":2}}"));
        assertThat(history.get(1).get("changes")).containsExactlyInAnyOrder(
                json("{\"path\":\"/name\",\"from\":\"a\",\"to\":\"b\"}"),
                json("{\"path\":\"/nested/x\",\"from\":1,\"to\":null}"),
                json("{\"path\":\"/nested/y\",\"from\":null,\"to\":2}"));
        assertThat(history.get(0).get("changes")).hasSize(2);
    }

    @Test
    void listsEachLiveEntityExactlyOncePageByPage() {
        String type = uniquePartition();
        for (String id : List.of("a", "b", "c", "d")) {
            putCreating("/api/v1/entities/" + type + "/" + id, Map.of("id", id, "v", 1));
        }
        patch("/api/v1/entities/" + type + "/b", "\"1\"", Map.of("v", 2));
        api.delete(Role.WRITER, "/api/v1/entities/" + type + "/c");

        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(Role.READER, "/api/v1/entities/" + type + "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(1);
            page.get("items").forEach(seen::add);
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null);

        assertThat(seen).extracting(entity -> entity.get("id").asString()).containsExactly("a", "b", "d");
        assertThat(seen.get(1).get("data").get("v").asInt()).isEqualTo(2);
        JsonNode all = api.get(Role.READER, "/api/v1/entities/" + type).json();
        assertThat(all.get("items")).hasSize(3);
        assertThat(all.get("next").isNull()).isTrue();
        assertThat(api.get(Role.READER, "/api/v1/entities/" + uniquePartition()).json().get("items")).isEmpty();
        assertThat(api.get(Role.READER, "/api/v1/entities/" + type + "?limit=201").status()).isEqualTo(400);
        assertThat(api.get(Role.READER, "/api/v1/entities/" + type + "?cursor=%24%24").status()).isEqualTo(400);
    }

    @Test
    void showsEntityEventsInTheLogUnderTheirTypesPartition() {
        String type = uniquePartition();
        String start = endCursor();
        putCreating("/api/v1/entities/" + type + "/e1", Map.of("n", 1));

        JsonNode entries = api.get(Role.READER, "/api/v1/log?selector=" + type + ".*&after=" + start).json().get("entries");

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("type").asString()).isEqualTo(type + ".Created");
        assertThat(entries.get(0).get("streamId").asString()).isEqualTo("entity:" + type + ":e1");
        assertThat(entries.get(0).get("data").get("n").asInt()).isEqualTo(1);
        Response raw = append("entity:" + type + ":e1", null, List.of(event(type + ".Updated", Map.of())));
        assertThat(raw.status()).as("entity streams are read-only in the streams API").isEqualTo(409);
    }

    @Test
    void rejectsMalformedRequestsWith400And415() {
        String type = uniquePartition();
        assertThat(api.post(Role.WRITER, "/api/v1/entities/" + type, "[1,2]").status()).isEqualTo(400);
        assertThat(api.post(Role.WRITER, "/api/v1/entities/" + type, "{").status()).isEqualTo(400);
        assertThat(api.post(Role.WRITER, "/api/v1/entities/bad%20type", Map.of()).status()).isEqualTo(400);
        assertThat(api.post(Role.WRITER, "/api/v1/entities/" + "t".repeat(65), Map.of()).status()).isEqualTo(400);
        assertThat(api.get(Role.READER, "/api/v1/entities/" + type + "/x?version=0").status()).isEqualTo(400);
        String path = "/api/v1/entities/" + type + "/e1";
        putCreating(path, Map.of("n", 1));
        Response json = api.send(api.request(Role.WRITER, path).header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .method("PATCH", BodyPublishers.ofString("{\"n\":2}")));
        assertThat(json.status()).isEqualTo(415);
        assertThat(patch(path, "one", Map.of("n", 2)).status()).isEqualTo(400);
        assertThat(api.get(Role.READER, path).json().get("version").asLong()).isEqualTo(1);
    }
}

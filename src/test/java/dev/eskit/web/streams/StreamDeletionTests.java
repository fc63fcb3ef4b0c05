package dev.eskit.web.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** DELETE /streams/{id} (section 8 of the API contract): soft deletion and tombstones, each an event in the log. */
abstract class StreamDeletionTests extends ApiTest {

    @Test
    void aSoftDeletedStreamReads404AndWhenRecreatedContinuesTheNumbering() {
        String p = uniquePartition();
        String stream = uniqueStream();
        String start = endCursor();
        appendOk(stream, null, List.of(event(p + ".Created", Map.of()), event(p + ".Renamed", Map.of())));

        assertThat(api.delete(Role.WRITER, "/api/v1/streams/" + stream + "?expectedVersion=2").status()).isEqualTo(204);

        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream + "/events").status()).isEqualTo(404);
        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream + "/events?direction=backward").status()).isEqualTo(404);
        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream).status()).isEqualTo(404);
        assertThat(api.delete(Role.WRITER, "/api/v1/streams/" + stream).status()).as("nothing left to delete").isEqualTo(404);
        assertThat(listed(stream)).isFalse();
        JsonNode deletion = logOf(p, start).get(2);
        assertThat(deletion.get("type").asString()).isEqualTo(p + ".StreamDeleted");
        assertThat(deletion.get("streamId").asString()).isEqualTo(stream);
        assertThat(deletion.get("version").asLong()).isEqualTo(3);
        assertThat(deletion.get("metadata").get("actor").asString()).isEqualTo("writer");

        Response recreated = append(stream, "no_stream", List.of(event(p + ".Created", Map.of("again", true))));
        assertThat(recreated.status()).as(recreated.toString()).isEqualTo(201);
        assertThat(recreated.json().get("fromVersion").asLong()).isEqualTo(4);
        JsonNode events = api.get(Role.READER, "/api/v1/streams/" + stream + "/events").json();
        assertThat(events.get("version").asLong()).isEqualTo(4);
        assertThat(events.get("events")).hasSize(1);
        assertThat(events.get("events").get(0).get("version").asLong()).isEqualTo(4);
        assertThat(texts(api.get(Role.READER, "/api/v1/streams/" + stream + "/events?direction=backward").json().get("events"), "type"))
                .containsExactly(p + ".Created");
        JsonNode summary = api.get(Role.READER, "/api/v1/streams/" + stream).json();
        assertThat(summary.get("version").asLong()).isEqualTo(4);
        assertThat(summary.get("createdAt").asString()).isEqualTo(events.get("events").get(0).get("timestamp").asString());
        assertThat(listed(stream)).isTrue();
    }

    @Test
    void aTombstonedStreamAnswers410ForEverToReadsAndWrites() {
        String p = uniquePartition();
        String stream = uniqueStream();
        String start = endCursor();
        appendOk(stream, null, List.of(event(p + ".Created", Map.of())));

        assertThat(api.delete(Role.WRITER, "/api/v1/streams/" + stream + "?mode=tombstone&expectedVersion=any").status()).isEqualTo(204);

        for (Response gone : List.of(api.get(Role.READER, "/api/v1/streams/" + stream + "/events"),
                api.get(Role.READER, "/api/v1/streams/" + stream),
                append(stream, "any", List.of(event(p + ".Created", Map.of()))),
                append(stream, "no_stream", List.of(event(p + ".Created", Map.of()))),
                api.delete(Role.WRITER, "/api/v1/streams/" + stream),
                api.post(Role.WRITER, "/api/v1/appends",
                        Map.of("appends", List.of(streamAppend(stream, null, event(p + ".Created", Map.of()))))))) {
            assertThat(gone.status()).as(gone.toString()).isEqualTo(410);
            assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
            assertThat(gone.json().get("type").asString()).endsWith("stream-tombstoned");
        }
        assertThat(texts(logOf(p, start), "type")).containsExactly(p + ".Created", p + ".StreamTombstoned");
        assertThat(listed(stream)).isFalse();
    }

    @Test
    void refusesDeletionsThatCannotBeMetAndChangesNothing() {
        String p = uniquePartition();
        String stream = uniqueStream();
        appendOk(stream, null, List.of(event(p + ".Created", Map.of()), event(p + ".Renamed", Map.of())));
        long head = head();

        Response wrongVersion = api.delete(Role.WRITER, "/api/v1/streams/" + stream + "?expectedVersion=1");
        assertThat(wrongVersion.status()).isEqualTo(409);
        assertThat(wrongVersion.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(api.delete(Role.WRITER, "/api/v1/streams/" + uniqueStream()).status()).isEqualTo(404);
        for (String query : List.of("mode=hard", "expectedVersion=0", "expectedVersion=no_stream", "expectedVersion=x")) {
            Response refused = api.delete(Role.WRITER, "/api/v1/streams/" + stream + "?" + query);
            assertThat(refused.status()).as(query + " → " + refused).isEqualTo(400);
        }
        assertThat(api.delete(Role.READER, "/api/v1/streams/" + stream).status()).isEqualTo(403);
        Response forged = append(stream, null, List.of(event(p + ".StreamDeleted", Map.of())));
        assertThat(forged.status()).as("the store's own event types are reserved").isEqualTo(400);
        assertThat(head()).isEqualTo(head);
        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void streamsOfTheTypedDomainAndEntitiesKeepTheirOwnRules() {
        Response entity = api.post(Role.WRITER, "/api/v1/entities/Invoice", Map.of("total", 1));
        assertThat(entity.status()).as(entity.toString()).isEqualTo(201);
        String entityStream = api.get(Role.READER, "/api/v1/log?direction=backward&limit=1").json().get("entries").get(0)
                .get("streamId").asString();

        Response refused = api.delete(Role.WRITER, "/api/v1/streams/" + entityStream);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("stream-owned-elsewhere");
    }

    private JsonNode logOf(String partition, String after) {
        return api.get(Role.READER, "/api/v1/log?selector=" + partition + ".*&after=" + after).json().get("entries");
    }

    private boolean listed(String stream) {
        return api.get(Role.READER, "/api/v1/streams?prefix=" + stream).json().get("items").size() == 1;
    }
}

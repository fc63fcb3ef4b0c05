package dev.eskit.web.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Section 1 of the API contract, run against each storage configuration by a subclass. */
abstract class StreamsApiTests extends ApiTest {

    @Test
    void appendsEventsAtomicallyAndReadsThemBack() {
        String stream = uniqueStream();
        Response created = appendOk(stream, "no_stream", List.of(
                event("e-1", "Project.Created", Map.of("name", "alpha")),
                event("Project.Renamed", Map.of("name", "beta"))));

        JsonNode body = created.json();
        assertThat(body.get("streamId").asString()).isEqualTo(stream);
        assertThat(body.get("fromVersion").asLong()).isEqualTo(1);
        assertThat(body.get("toVersion").asLong()).isEqualTo(2);
        assertThat(body.get("positions")).hasSize(2);
        long first = body.get("positions").get(0).asLong();
        assertThat(body.get("positions").get(1).asLong()).isGreaterThan(first);
        assertThat(created.header("ETag")).isEqualTo("\"2\"");
        assertThat(created.header("Location")).isEqualTo("/api/v1/streams/" + stream + "/events?fromVersion=1&toVersion=2");

        Response read = api.get(Role.READER, "/api/v1/streams/" + stream + "/events");
        assertThat(read.status()).isEqualTo(200);
        JsonNode events = read.json().get("events");
        assertThat(read.json().get("version").asLong()).isEqualTo(2);
        assertThat(events).hasSize(2);
        JsonNode created1 = events.get(0);
        assertThat(created1.get("id").asString()).isEqualTo("e-1");
        assertThat(created1.get("streamId").asString()).isEqualTo(stream);
        assertThat(created1.get("type").asString()).isEqualTo("Project.Created");
        assertThat(created1.get("version").asLong()).isEqualTo(1);
        assertThat(created1.get("position").asLong()).isEqualTo(first);
        assertThat(created1.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(created1.get("data").get("name").asString()).isEqualTo("alpha");
        assertThat(created1.get("metadata").get("actor").asString()).isEqualTo("writer");
        assertThat(events.get(1).get("id").asString()).isNotBlank();
    }

    @Test
    void keepsTheClientsMetadataBesideTheActor() {
        String stream = uniqueStream();
        Map<String, Object> event = event("Project.Created", Map.of());
        event.put("metadata", Map.of("source", "import", "actor", "spoofed"));
        appendOk(stream, null, List.of(event));

        JsonNode metadata = api.get(Role.READER, "/api/v1/streams/" + stream + "/events").json().get("events").get(0).get("metadata");
        assertThat(metadata.get("source").asString()).isEqualTo("import");
        assertThat(metadata.get("actor").asString()).as("the principal, never the client's claim").isEqualTo("writer");
    }

    @Test
    void refusesAWrongExpectedVersionWithTheCurrentOneAndStoresNothing() {
        String stream = uniqueStream();
        appendOk(stream, null, List.of(event("Project.Created", Map.of()), event("Project.Renamed", Map.of())));
        long head = head();

        Response conflict = append(stream, 1, List.of(event("Project.Renamed", Map.of())));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
        assertThat(conflict.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream).json().get("version").asLong()).isEqualTo(2);
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void refusesNoStreamForAnExistingStream() {
        String stream = uniqueStream();
        appendOk(stream, "no_stream", List.of(event("Project.Created", Map.of())));

        Response conflict = append(stream, "no_stream", List.of(event("Project.Created", Map.of())));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("currentVersion").asLong()).isEqualTo(1);
    }

    @Test
    void appendsToAnExistingStreamOnlyWhenStreamExistsIsExpected() {
        String stream = uniqueStream();
        long head = head();

        Response missing = append(stream, "stream_exists", List.of(event("Project.Created", Map.of())));

        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.json().get("currentVersion").asLong()).isZero();
        assertThat(head()).isEqualTo(head);
        appendOk(stream, "no_stream", List.of(event("Project.Created", Map.of())));
        assertThat(appendOk(stream, "stream_exists", List.of(event("Project.Renamed", Map.of())))
                .json().get("toVersion").asLong()).isEqualTo(2);
    }

    @Test
    void appendsAtTheExactExpectedVersion() {
        String stream = uniqueStream();
        appendOk(stream, 0, List.of(event("Project.Created", Map.of())));
        Response second = appendOk(stream, 1, List.of(event("Project.Renamed", Map.of())));
        assertThat(second.json().get("fromVersion").asLong()).isEqualTo(2);
    }

    @Test
    void answersAnIdenticalRetryWith200AndTheOriginalResult() {
        String stream = uniqueStream();
        List<Map<String, Object>> events = List.of(event("r-1", "Project.Created", Map.of("a", 1)),
                event("r-2", "Project.Renamed", Map.of("b", 2)));
        JsonNode original = appendOk(stream, "no_stream", events).json();
        long head = head();

        Response retry = append(stream, "no_stream", events);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(original);
        assertThat(head()).isEqualTo(head);
        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void refusesAnEventIdReusedForOtherContent() {
        String stream = uniqueStream();
        appendOk(stream, null, List.of(event("x-1", "Project.Created", Map.of("a", 1))));

        Response reuse = append(stream, null, List.of(event("x-1", "Project.Created", Map.of("a", 2))));

        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.json().get("type").asString()).endsWith("duplicate-event-id");
    }

    @Test
    void refusesAnEventOfAnotherPartitionThanTheStreams() {
        String stream = uniqueStream();
        appendOk(stream, null, List.of(event("Project.Created", Map.of())));

        Response other = append(stream, null, List.of(event("Invoice.Created", Map.of())));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("type").asString()).endsWith("partition-mismatch");
    }

    @Test
    void rejectsMalformedAppendsWith400AndStoresNothing() {
        String stream = uniqueStream();
        long head = head();
        String path = "/api/v1/streams/" + stream + "/events";

        assertBadRequest(api.post(Role.WRITER, path, "{\"events\": ["), null);
        assertBadRequest(api.post(Role.WRITER, path, Map.of("events", List.of())), "events");
        assertBadRequest(api.post(Role.WRITER, path, Map.of()), "events");
        assertBadRequest(api.post(Role.WRITER, path, appendBody(null, List.of(Map.of("data", Map.of())))), "events[0].type");
        assertBadRequest(api.post(Role.WRITER, path, appendBody(null, List.of(Map.of("type", "Project.Created")))), "events[0].data");
        assertBadRequest(append(stream, null, List.of(event("NoDot", Map.of()))), "events[0].type");
        assertBadRequest(append(stream, -1, List.of(event("Project.Created", Map.of()))), "expectedVersion");
        assertBadRequest(append(stream, "latest", List.of(event("Project.Created", Map.of()))), "expectedVersion");
        assertBadRequest(append(stream, 1.5, List.of(event("Project.Created", Map.of()))), "expectedVersion");
        assertBadRequest(append(stream, null, List.of(event("d", "Project.Created", Map.of()), event("d", "Project.Renamed", Map.of()))),
                "events[1].id");
        Map<String, Object> badMetadata = event("Project.Created", Map.of());
        badMetadata.put("metadata", List.of(1));
        assertBadRequest(append(stream, null, List.of(badMetadata)), "events[0].metadata");
        assertBadRequest(api.post(Role.WRITER, path, Map.of("events", "not a list")), null);
        assertBadRequest(api.post(Role.WRITER, "/api/v1/streams/bad%20id/events",
                appendBody(null, List.of(event("Project.Created", Map.of())))), "streamId");

        assertThat(head()).isEqualTo(head);
        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream).status()).isEqualTo(404);
    }

    @Test
    void refusesOtherContentTypesWith415() {
        Response response = api.send(api.request(Role.WRITER, "/api/v1/streams/" + uniqueStream() + "/events")
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString("{}")));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void refusesBodiesOverTheLimitWith413WhetherTheLengthIsDeclaredOrNot() {
        String stream = uniqueStream();
        String big = "{\"events\":[{\"type\":\"Project.Created\",\"data\":{\"blob\":\"" + "x".repeat(1_100_000) + "\"}}]}";
        String path = "/api/v1/streams/" + stream + "/events";

        Response declared = api.post(Role.WRITER, path, big);
        Response chunked = api.send(api.request(Role.WRITER, path).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream).status()).isEqualTo(404);
    }

    @Test
    void readsASliceOfAStreamByVersion() {
        String stream = uniqueStream();
        appendOk(stream, null, List.of(event("Project.Created", Map.of("n", 1)), event("Project.Renamed", Map.of("n", 2)),
                event("Project.Renamed", Map.of("n", 3)), event("Project.Renamed", Map.of("n", 4))));
        String path = "/api/v1/streams/" + stream + "/events";

        assertThat(versions(api.get(Role.READER, path + "?fromVersion=2&toVersion=3"))).containsExactly(2L, 3L);
        assertThat(versions(api.get(Role.READER, path + "?fromVersion=3"))).containsExactly(3L, 4L);
        assertThat(versions(api.get(Role.READER, path + "?limit=2"))).containsExactly(1L, 2L);
        assertThat(versions(api.get(Role.READER, path + "?fromVersion=9"))).isEmpty();
        assertBadRequest(api.get(Role.READER, path + "?fromVersion=3&toVersion=2"), "toVersion");
        assertBadRequest(api.get(Role.READER, path + "?fromVersion=0"), "fromVersion");
        assertBadRequest(api.get(Role.READER, path + "?limit=0"), "limit");
        assertBadRequest(api.get(Role.READER, path + "?limit=1001"), "limit");
        assertBadRequest(api.get(Role.READER, path + "?limit=many"), null);
    }

    @Test
    void readsBackwardNewestFirstAndBackwardPagesMeetForwardPagesWithoutGapOrRepeat() {
        String stream = uniqueStream();
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            events.add(event("Project.Renamed", Map.of("n", n)));
        }
        appendOk(stream, null, events);
        String path = "/api/v1/streams/" + stream + "/events?direction=backward";

        assertThat(versions(api.get(Role.READER, path + "&limit=3"))).containsExactly(7L, 6L, 5L);
        assertThat(versions(api.get(Role.READER, path + "&fromVersion=4&limit=3"))).containsExactly(4L, 3L, 2L);
        assertThat(versions(api.get(Role.READER, path + "&fromVersion=5&toVersion=4"))).containsExactly(5L, 4L);
        assertThat(versions(api.get(Role.READER, path + "&fromVersion=99&limit=2"))).containsExactly(7L, 6L);
        List<Long> backward = new java.util.ArrayList<>(versions(api.get(Role.READER, path + "&limit=3")));
        backward.addAll(versions(api.get(Role.READER, path + "&fromVersion=" + (backward.get(backward.size() - 1) - 1) + "&limit=3")));
        List<Long> forward = versions(api.get(Role.READER, "/api/v1/streams/" + stream + "/events?limit=1"));
        assertThat(forward).containsExactly(1L);
        assertThat(backward).containsExactly(7L, 6L, 5L, 4L, 3L, 2L);
        assertThat(api.get(Role.READER, path).header("ETag")).isEqualTo("\"7\"");
        assertBadRequest(api.get(Role.READER, path + "&fromVersion=2&toVersion=3"), "toVersion");
        assertBadRequest(api.get(Role.READER, "/api/v1/streams/" + stream + "/events?direction=sideways"), "direction");
        assertThat(api.get(Role.READER, "/api/v1/streams/" + uniqueStream() + "/events?direction=backward").status()).isEqualTo(404);
    }

    @Test
    void describesAStream() {
        String stream = uniqueStream();
        appendOk(stream, null, List.of(event("Billing.Invoice.Created", Map.of())));
        appendOk(stream, 1, List.of(event("Billing.Invoice.Paid", Map.of())));

        Response response = api.get(Role.READER, "/api/v1/streams/" + stream);

        JsonNode summary = response.json();
        assertThat(summary.get("streamId").asString()).isEqualTo(stream);
        assertThat(summary.get("partition").asString()).isEqualTo("Billing.Invoice");
        assertThat(summary.get("version").asLong()).isEqualTo(2);
        assertThat(summary.get("createdAt").asString()).isLessThanOrEqualTo(summary.get("updatedAt").asString());
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void answers404ForAnUnknownStream() {
        Response summary = api.get(Role.READER, "/api/v1/streams/" + uniqueStream());
        Response events = api.get(Role.READER, "/api/v1/streams/" + uniqueStream() + "/events");

        assertThat(summary.status()).isEqualTo(404);
        assertThat(events.status()).isEqualTo(404);
        assertThat(events.header("Content-Type")).startsWith("application/problem+json");
        assertThat(events.json().get("title").asString()).isEqualTo("Not Found");
    }

    private static List<Long> versions(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("events").valueStream().map(event -> event.get("version").asLong()).toList();
    }

    static void assertBadRequest(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).isNotBlank();
        if (field != null) {
            assertThat(texts(problem.get("errors"), "field")).contains(field);
        }
    }
}

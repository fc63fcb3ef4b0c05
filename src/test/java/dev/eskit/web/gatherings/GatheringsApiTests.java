package dev.eskit.web.gatherings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import dev.eskit.support.AxonServerWire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Section 6 of the API contract and the demo-app's checks, run on each storage configuration. */
abstract class GatheringsApiTests extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void listsAnEmptyViewAsAnEmptyPage() {
        JsonNode page = api.get(Role.READER, "/api/v1/gatherings?name=" + UUID.randomUUID()).json();
        assertThat(page.get("items").isArray()).isTrue();
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void showsAPlannedPartyItsRenameAndItsCancellationAndFindsItByName() {
        String organizer = user();
        String name = "Party-" + UUID.randomUUID();
        Response planned = plan("PARTY", name, "NL", "2031-05-01T20:00:00Z", "2031-05-02T02:00:00Z", 50, organizer);

        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        JsonNode party = planned.json();
        String id = party.get("id").asString();
        assertThat(party.get("status").asString()).isEqualTo("PLANNED");
        assertThat(party.get("attendees").asInt()).isZero();
        assertThat(party.get("venue").get("country").asString()).isEqualTo("NL");
        assertThat(party.get("version").asLong()).isEqualTo(1);
        assertThat(ids(api.get(Role.READER, "/api/v1/gatherings?name=" + name.substring(6)).json())).containsExactly(id);

        Response renamed = api.send(api.request(Role.WRITER, "/api/v1/gatherings/" + id).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + " (renamed)\"}")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api.get(Role.READER, "/api/v1/gatherings/" + id).json().get("name").asString()).endsWith("(renamed)");

        Response cancelled = api.post(Role.WRITER, "/api/v1/gatherings/" + id + "/cancellation", Map.of("reason", "rain"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(ids(api.get(Role.READER, "/api/v1/gatherings?name=" + name).json())).containsExactly(id);
        assertThat(patch(id, "{\"capacity\":60}").status()).isEqualTo(409);
        assertThat(api.post(Role.WRITER, "/api/v1/gatherings/" + id + "/attendees", Map.of("userId", user())).status()).isEqualTo(409);
        assertThat(api.post(Role.WRITER, "/api/v1/gatherings/" + id + "/cancellation", Map.of("reason", "again")).status()).isEqualTo(409);
    }

    @Test
    void refusesImpossiblePlansWith400() {
        String organizer = user();
        assertThat(plan("PARTY", "x", "NL", "2031-05-01T20:00:00Z", "2031-05-01T20:00:00Z", 5, organizer).status()).isEqualTo(400);
        assertThat(plan("PARTY", "x", "NL", "2031-05-01T20:00:00Z", "2031-05-01T22:00:00Z", 0, organizer).status()).isEqualTo(400);
        assertThat(plan("PARTY", "x", "NL", "2031-05-01T20:00:00Z", "2031-05-01T22:00:00Z", 5, UUID.randomUUID().toString()).status())
                .isEqualTo(400);
        assertThat(plan("RAVE", "x", "NL", "2031-05-01T20:00:00Z", "2031-05-01T22:00:00Z", 5, organizer).status()).isEqualTo(400);
        assertThat(plan("PARTY", "x", "Netherlands", "2031-05-01T20:00:00Z", "2031-05-01T22:00:00Z", 5, organizer).status()).isEqualTo(400);
        assertThat(plan("PARTY", "x", "NL", "tomorrow", "2031-05-01T22:00:00Z", 5, organizer).status()).isEqualTo(400);
        assertThat(api.get(Role.READER, "/api/v1/gatherings/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void answers404ForAnUnknownGatheringOnEveryCall() {
        String path = "/api/v1/gatherings/" + UUID.randomUUID();
        assertThat(api.get(Role.READER, path).status()).isEqualTo(404);
        assertThat(patch(path.substring(path.lastIndexOf('/') + 1), "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(api.post(Role.WRITER, path + "/cancellation", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(api.post(Role.WRITER, path + "/attendees", Map.of("userId", user())).status()).isEqualTo(404);
        assertThat(api.delete(Role.WRITER, path + "/attendees/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get(Role.READER, "/api/v1/gatherings/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void enforcesAttendanceRules() {
        String id = plan("MEETUP", "Tiny", "DE", "2031-06-01T18:00:00Z", "2031-06-01T20:00:00Z", 1, user()).json().get("id").asString();
        String first = user();
        String second = user();
        String attendees = "/api/v1/gatherings/" + id + "/attendees";

        assertThat(api.post(Role.WRITER, attendees, Map.of("userId", first)).status()).isEqualTo(201);
        assertThat(api.post(Role.WRITER, attendees, Map.of("userId", first)).status()).as("registered already").isEqualTo(409);
        assertThat(api.post(Role.WRITER, attendees, Map.of("userId", second)).status()).as("full").isEqualTo(409);
        assertThat(api.post(Role.WRITER, attendees, Map.of("userId", UUID.randomUUID().toString())).status()).isEqualTo(404);
        assertThat(patch(id, "{\"capacity\":0}").status()).isEqualTo(400);
        assertThat(ids(api.get(Role.READER, "/api/v1/users/" + first + "/gatherings").json())).containsExactly(id);

        assertThat(api.delete(Role.WRITER, attendees + "/" + first).status()).isEqualTo(204);
        assertThat(api.delete(Role.WRITER, attendees + "/" + first).status()).isEqualTo(404);
        assertThat(api.post(Role.WRITER, attendees, Map.of("userId", second)).status()).isEqualTo(201);
        assertThat(api.get(Role.READER, "/api/v1/gatherings/" + id).json().get("attendees").asInt()).isEqualTo(1);
        assertThat(api.get(Role.READER, "/api/v1/users/" + first + "/gatherings").json().get("items")).isEmpty();
    }

    @Test
    void neverShrinksBelowTheAttendees() {
        String id = plan("PARTY", "Grow", "FR", "2031-07-01T18:00:00Z", "2031-07-01T23:00:00Z", 3, user()).json().get("id").asString();
        for (int i = 0; i < 2; i++) {
            api.post(Role.WRITER, "/api/v1/gatherings/" + id + "/attendees", Map.of("userId", user()));
        }
        assertThat(patch(id, "{\"capacity\":1}").status()).isEqualTo(409);
        Response resized = patch(id, "{\"capacity\":2,\"startsAt\":\"2031-07-02T18:00:00Z\",\"endsAt\":\"2031-07-02T23:00:00Z\","
                + "\"venue\":{\"name\":\"Hall\",\"address\":\"1 Rue\",\"country\":\"be\"}}");
        assertThat(resized.status()).isEqualTo(200);
        JsonNode gathering = resized.json();
        assertThat(gathering.get("capacity").asInt()).isEqualTo(2);
        assertThat(gathering.get("venue").get("country").asString()).isEqualTo("BE");
        assertThat(gathering.get("startsAt").asString()).isEqualTo("2031-07-02T18:00:00.000Z");
        assertThat(gathering.get("version").asLong()).isEqualTo(6);
        assertThat(patch(id, "{\"endsAt\":\"2031-07-02T10:00:00Z\"}").status()).isEqualTo(400);
    }

    @Test
    void filtersByKindCountryDatesAndPagesInStartOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String organizer = user();
        String late = plan("CONCERT", tag + " late", "IT", "2032-03-03T20:00:00Z", "2032-03-03T23:00:00Z", 10, organizer).json().get("id").asString();
        String early = plan("CONCERT", tag + " early", "IT", "2032-01-01T20:00:00Z", "2032-01-01T23:00:00Z", 10, organizer).json().get("id").asString();
        String middle = plan("FESTIVAL", tag + " middle", "ES", "2032-02-02T12:00:00Z", "2032-02-04T12:00:00Z", 10, organizer).json().get("id").asString();

        assertThat(ids(api.get(Role.READER, "/api/v1/gatherings?name=" + tag).json())).containsExactly(early, middle, late);
        assertThat(ids(api.get(Role.READER, "/api/v1/gatherings?name=" + tag + "&kind=concert").json())).containsExactly(early, late);
        assertThat(ids(api.get(Role.READER, "/api/v1/gatherings?name=" + tag + "&country=es").json())).containsExactly(middle);
        assertThat(ids(api.get(Role.READER, "/api/v1/gatherings?name=" + tag + "&from=2032-02-01T00:00:00Z&to=2032-03-03T20:00:00Z").json()))
                .containsExactly(middle);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(Role.READER, "/api/v1/gatherings?limit=1&name=" + tag + (cursor == null ? "" : "&cursor=" + cursor)).json();
            paged.addAll(ids(page));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null);
        assertThat(paged).containsExactly(early, middle, late);
        assertThat(api.get(Role.READER, "/api/v1/gatherings?cursor=nonsense").status()).isEqualTo(400);
        assertThat(api.get(Role.READER, "/api/v1/gatherings?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void letsExactlyCapacityManyOfTwentySimultaneousRegistrationsThrough() throws Exception {
        String id = plan("CONCERT", "Small club", "NL", "2031-09-01T20:00:00Z", "2031-09-01T23:00:00Z", 5, user()).json().get("id").asString();
        List<String> fans = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fans.add(user());
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        Map<Integer, Integer> statuses = new HashMap<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String fan : fans) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return api.post(Role.WRITER, "/api/v1/gatherings/" + id + "/attendees", Map.of("userId", fan)).status();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 5, 409, 15));
        assertThat(api.get(Role.READER, "/api/v1/gatherings/" + id).json().get("attendees").asInt()).isEqualTo(5);
    }

    @Test
    void readsAGatheringPlannedWithTheOldStringVenue() {
        assumeTrue(AxonServerWire.REAL_SERVER == null, "stages a revision-1 event in the JDBC store's table");
        UUID id = UUID.randomUUID();
        String stream = "gathering:" + id;
        String oldPayload = "{\"gatheringId\":{\"value\":\"" + id + "\"},\"kind\":\"PARTY\",\"name\":\"Barn dance\","
                + "\"venue\":\"The Old Barn\",\"startsAt\":\"2020-05-01T20:00:00Z\",\"endsAt\":\"2020-05-01T23:00:00Z\","
                + "\"capacity\":30,\"organizerId\":{\"value\":\"" + UUID.randomUUID() + "\"}}";
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                        + "payload_type, payload_revision, payload, meta_data) VALUES (?, ?, 0, 'Gathering', ?, ?, '1', ?, ?)",
                UUID.randomUUID().toString(), stream, "2020-04-01T10:00:00.000Z",
                "dev.eskit.commands.api.gathering.GatheringEvents$GatheringPlanned",
                oldPayload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));

        JsonNode event = api.get(Role.READER, "/api/v1/streams/" + stream + "/events").json().get("events").get(0);

        assertThat(event.get("type").asString()).isEqualTo("Gathering.Planned");
        assertThat(event.get("data").get("venue").get("name").asString()).isEqualTo("The Old Barn");
        assertThat(event.get("data").get("venue").get("country").isNull()).isTrue();
    }

    private Response plan(String kind, String name, String country, String startsAt, String endsAt, int capacity, String organizer) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("venue", Map.of("name", "Venue", "address", "Street 1", "country", country));
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("capacity", capacity);
        body.put("organizerId", organizer);
        return api.post(Role.WRITER, "/api/v1/gatherings", body);
    }

    private Response patch(String id, String body) {
        return api.send(api.request(Role.WRITER, "/api/v1/gatherings/" + id).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    private String user() {
        Response user = api.post(Role.WRITER, "/api/v1/users", Map.of("name", "Fan", "email", "f" + UUID.randomUUID() + "@example.com"));
        assertThat(user.status()).isEqualTo(201);
        return user.json().get("id").asString();
    }

    private static List<String> ids(JsonNode page) {
        return texts(page.get("items"), "id");
    }
}

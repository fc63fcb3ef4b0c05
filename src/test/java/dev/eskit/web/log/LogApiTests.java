package dev.eskit.web.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import dev.eskit.support.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Section 2 of the API contract, run against each storage configuration by a subclass. */
abstract class LogApiTests extends ApiTest {

    @Test
    void pagesTheLogWithCursorsInCommitOrderWithoutRepeats() {
        String p = uniquePartition();
        String a = uniqueStream();
        String b = uniqueStream();
        appendOk(a, null, List.of(event("a1", p + ".Created", Map.of()), event("a2", p + ".Renamed", Map.of())));
        appendOk(b, null, List.of(event("b1", p + ".Created", Map.of())));
        appendOk(a, null, List.of(event("a3", p + ".Renamed", Map.of())));
        appendOk(b, null, List.of(event("b2", p + ".Deleted", Map.of())));

        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        JsonNode page;
        do {
            page = api.get(Role.READER, "/api/v1/log?limit=2&selector=" + p + ".*" + (cursor == null ? "" : "&after=" + cursor)).json();
            page.get("entries").forEach(seen::add);
            assertThat(page.get("entries").size()).isLessThanOrEqualTo(2);
            cursor = page.get("cursor").asString();
        } while (!page.get("entries").isEmpty());

        assertThat(seen).extracting(event -> event.get("id").asString()).containsExactly("a1", "a2", "b1", "a3", "b2");
        assertThat(seen).extracting(event -> event.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(seen.get(3).get("streamId").asString()).isEqualTo(a);
        assertThat(seen.get(3).get("version").asLong()).isEqualTo(3);
        assertThat(page.get("head").asLong()).isGreaterThanOrEqualTo(seen.get(4).get("position").asLong());

        appendOk(a, null, List.of(event("a4", p + ".Renamed", Map.of())));
        JsonNode next = api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&after=" + cursor).json();
        assertThat(texts(next.get("entries"), "id")).containsExactly("a4");
    }

    @Test
    void selectsByPartitionActionAndExactType() {
        String p = uniquePartition();
        String q = uniquePartition();
        String start = endCursor();
        appendOk(uniqueStream(), null, List.of(event("p1", p + ".Created", Map.of()), event("p2", p + ".Deleted", Map.of())));
        appendOk(uniqueStream(), null, List.of(event("q1", q + ".Created", Map.of()), event("q2", q + ".Deleted", Map.of())));

        assertThat(ids(start, p + ".*")).containsExactly("p1", "p2");
        assertThat(ids(start, q + ".Created")).containsExactly("q1");
        assertThat(ids(start, p + ".*," + q + ".Deleted")).containsExactly("p1", "p2", "q2");
        assertThat(ids(start, "*.Deleted")).containsExactly("p2", "q2");
        assertThat(ids(start, "*")).containsExactly("p1", "p2", "q1", "q2");
        assertThat(ids(start, null)).containsExactly("p1", "p2", "q1", "q2");
    }

    @Test
    void movesTheCursorPastEventsTheSelectorSkipped() {
        String p = uniquePartition();
        String start = endCursor();
        appendOk(uniqueStream(), null, List.of(event(p + ".Created", Map.of()), event(p + ".Renamed", Map.of())));

        JsonNode skipped = api.get(Role.READER, "/api/v1/log?selector=Nothing.Matches&after=" + start).json();

        assertThat(skipped.get("entries")).isEmpty();
        assertThat(skipped.get("cursor").asString()).isNotEqualTo(start);
        JsonNode rest = api.get(Role.READER, "/api/v1/log?after=" + skipped.get("cursor").asString()).json();
        assertThat(rest.get("entries")).isEmpty();
    }

    @Test
    void longPollAnswersAsSoonAsAMatchingEventArrives() {
        String p = uniquePartition();
        String start = endCursor();
        long began = System.nanoTime();
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(
                () -> api.get(Role.READER, "/api/v1/log?waitSeconds=20&selector=" + p + ".*&after=" + start));
        appendOk(uniqueStream(), null, List.of(event("w1", p + ".Created", Map.of())));

        Response answer = poll.join();

        assertThat(texts(answer.json().get("entries"), "id")).containsExactly("w1");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void longPollAnswersEmptyAtTheDeadline() {
        String start = endCursor();
        long began = System.nanoTime();

        Response answer = api.get(Role.READER, "/api/v1/log?waitSeconds=1&selector=" + uniquePartition() + ".*&after=" + start);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("entries")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void readsFromAPointInTimeAndItsCursorContinuesAsAnyOther() {
        String p = uniquePartition();
        String start = endCursor();
        appendOk(uniqueStream(), null, List.of(event(p + ".First", Map.of())));
        Instant first = Instant.parse(api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&after=" + start).json()
                .get("entries").get(0).get("timestamp").asString());
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(first.plusMillis(2)));
        appendOk(uniqueStream(), null, List.of(event(p + ".Second", Map.of()), event(p + ".Third", Map.of())));

        assertThat(types(api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&from=" + first).json()))
                .as("at an event").containsExactly(p + ".First", p + ".Second", p + ".Third");
        JsonNode between = api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&limit=1&from=" + first.plusMillis(1)).json();
        assertThat(types(between)).as("between events").containsExactly(p + ".Second");
        assertThat(types(api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&after=" + between.get("cursor").asString()).json()))
                .as("its cursor continues").containsExactly(p + ".Third");
        JsonNode after = api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&from=" + Instant.now().plusSeconds(3600)).json();
        assertThat(after.get("entries")).as("after every event").isEmpty();
        appendOk(uniqueStream(), null, List.of(event(p + ".Fourth", Map.of())));
        assertThat(types(api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&after=" + after.get("cursor").asString()).json()))
                .containsExactly(p + ".Fourth");
        assertThat(api.put(Role.WRITER, "/api/v1/consumers/from-" + p, Map.of("cursor", between.get("cursor").asString())).status())
                .isEqualTo(200);

        assertThat(api.get(Role.READER, "/api/v1/log?from=yesterday").status()).isEqualTo(400);
        assertThat(api.get(Role.READER, "/api/v1/log?from=" + first + "&after=" + start).status()).isEqualTo(400);
    }

    @Test
    void backwardPagesMeetForwardPagesWithoutGapOrRepeat() {
        String p = uniquePartition();
        String start = endCursor();
        for (int i = 1; i <= 7; i++) {
            appendOk(uniqueStream(), null, List.of(event("e" + i, p + ".Counted", Map.of("i", i))));
        }
        appendOk(uniqueStream(), null, List.of(event(uniquePartition() + ".Other", Map.of())));

        List<String> forwards = new ArrayList<>();
        String cursor = start;
        String afterThree = null;
        while (forwards.size() < 7) {
            JsonNode page = api.get(Role.READER, "/api/v1/log?limit=3&selector=" + p + ".*&after=" + cursor).json();
            forwards.addAll(texts(page.get("entries"), "id"));
            cursor = page.get("cursor").asString();
            afterThree = afterThree == null ? cursor : afterThree;
        }
        List<String> backwards = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        String back = null;
        for (int pages = 0; backwards.size() < 7 && pages < 100; pages++) {
            JsonNode page = api.get(Role.READER, "/api/v1/log?direction=backward&limit=2&selector=" + p + ".*"
                    + (back == null ? "" : "&after=" + back)).json();
            page.get("entries").forEach(entry -> positions.add(entry.get("position").asLong()));
            backwards.addAll(texts(page.get("entries"), "id"));
            back = page.get("cursor").asString();
        }

        assertThat(forwards).containsExactly("e1", "e2", "e3", "e4", "e5", "e6", "e7");
        assertThat(backwards).containsExactly("e7", "e6", "e5", "e4", "e3", "e2", "e1");
        assertThat(positions).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
        JsonNode fromForwardCursor = api.get(Role.READER, "/api/v1/log?direction=backward&selector=" + p + ".*&after=" + afterThree).json();
        assertThat(texts(fromForwardCursor.get("entries"), "id")).as("backwards from where a forward reader stands")
                .startsWith("e3", "e2", "e1");
        JsonNode unfiltered = api.get(Role.READER, "/api/v1/log?direction=backward&limit=1").json();
        assertThat(unfiltered.get("entries").get(0).get("position").asLong()).as("from the head").isEqualTo(unfiltered.get("head").asLong());
    }

    @Test
    void readsBackwardsFromAPointInTime() {
        String p = uniquePartition();
        appendOk(uniqueStream(), null, List.of(event("early", p + ".Happened", Map.of())));
        String start = endCursor();
        appendOk(uniqueStream(), null, List.of(event("late", p + ".Happened", Map.of())));
        Instant late = Instant.parse(api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&after=" + start).json()
                .get("entries").get(0).get("timestamp").asString());

        JsonNode before = api.get(Role.READER, "/api/v1/log?direction=backward&selector=" + p + ".*&from=" + late).json();

        assertThat(texts(before.get("entries"), "id")).as("the events stored before the instant, newest first").startsWith("early")
                .doesNotContain("late");
    }

    @Test
    void refusesBackwardReadsThatCannotBeMet() {
        String backward = api.get(Role.READER, "/api/v1/log?direction=backward&limit=1").json().get("cursor").asString();
        for (String query : List.of("direction=sideways", "direction=backward&waitSeconds=1", "after=" + backward,
                "direction=backward&after=not-a-cursor")) {
            Response response = api.get(Role.READER, "/api/v1/log?" + query);
            assertThat(response.status()).as(query + " → " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.get(Role.READER, "/api/v1/log?after=" + backward).json().get("detail").asString()).contains("backward");
    }

    private static List<String> types(JsonNode page) {
        return texts(page.get("entries"), "type");
    }

    @Test
    void rejectsInvalidParametersWith400() {
        for (String query : List.of("after=not-a-cursor", "after=AQ", "selector=Project", "selector=a..b", "selector=*.*.x,",
                "limit=0", "limit=1001", "waitSeconds=31", "waitSeconds=-1", "limit=ten")) {
            Response response = api.get(Role.READER, "/api/v1/log?" + query);
            assertThat(response.status()).as(query + " → " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void followsTheLogOverSseAndResumesFromLastEventId() throws Exception {
        String p = uniquePartition();
        String start = endCursor();
        List<SseClient.Message> received = new ArrayList<>();
        try (SseClient sse = new SseClient(api, api.request(Role.READER, "/api/v1/log/stream?selector=" + p + ".*&after=" + start))) {
            assertThat(sse.status()).isEqualTo(200);
            appendOk(uniqueStream(), null, List.of(event("s1", p + ".Created", Map.of("n", 1)),
                    event("s2", p + ".Renamed", Map.of("n", 2))));
            appendOk(uniqueStream(), null, List.of(event("s3", p + ".Created", Map.of("n", 3))));
            for (int i = 0; i < 3; i++) {
                received.add(sse.next(Duration.ofSeconds(10)));
            }
        }
        assertThat(received).extracting(message -> message.data().get("id").asString()).containsExactly("s1", "s2", "s3");
        assertThat(received.get(1).data().get("data").get("n").asInt()).isEqualTo(2);

        try (SseClient resumed = new SseClient(api, api.request(Role.READER, "/api/v1/log/stream?selector=" + p + ".*")
                .header("Last-Event-ID", received.get(1).id()))) {
            assertThat(resumed.next(Duration.ofSeconds(10)).data().get("id").asString()).isEqualTo("s3");
            assertThat(resumed.next(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void aReadRightAfterAWriteSeesItWhileOthersFollowTheLiveStream() throws Exception {
        String p = uniquePartition();
        String cursor = endCursor();
        try (SseClient follower = new SseClient(api, api.request(Role.READER, "/api/v1/log/stream?after=" + cursor))) {
            for (int i = 0; i < 20; i++) {
                appendOk(uniqueStream(), null, List.of(event("rw-" + i, p + ".Written", Map.of())));
                JsonNode page = api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&after=" + cursor).json();
                assertThat(texts(page.get("entries"), "id")).as("read %d", i).containsExactly("rw-" + i);
                cursor = page.get("cursor").asString();
                assertThat(follower.next(Duration.ofSeconds(10))).isNotNull();
            }
        }
    }

    @Test
    void refusesAnInvalidSseCursorWith400() {
        Response response = api.get(Role.READER, "/api/v1/log/stream?after=garbage");
        assertThat(response.status()).isEqualTo(400);
    }

    private List<String> ids(String after, String selector) {
        String query = "/api/v1/log?after=" + after + (selector == null ? "" : "&selector=" + selector);
        return texts(api.get(Role.READER, query).json().get("entries"), "id");
    }
}

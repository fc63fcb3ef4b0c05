package dev.eskit.web.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /appends (section 8 of the API contract): several streams in one commit, all or nothing. */
abstract class MultiStreamAppendTests extends ApiTest {

    @Test
    void storesEveryAppendInOneCommitWhenEveryExpectationHolds() {
        String order = uniqueStream();
        String stock = uniqueStream();
        String customer = uniqueStream();
        appendOk(stock, null, List.of(event("Stock.Received", Map.of("n", 5))));
        appendOk(customer, null, List.of(event("Customer.Registered", Map.of()), event("Customer.Verified", Map.of())));

        Response stored = appendAll(
                List.of(streamAppend(order, "no_stream", event("Order.Placed", Map.of()), event("Order.Paid", Map.of())),
                        streamAppend(stock, 1, event("Stock.Reserved", Map.of("n", 1)))),
                List.of(check(customer, 2)));

        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        JsonNode results = stored.json().get("results");
        assertThat(texts(results, "streamId")).containsExactly(order, stock);
        assertThat(results.get(0).get("fromVersion").asLong()).isEqualTo(1);
        assertThat(results.get(0).get("toVersion").asLong()).isEqualTo(2);
        assertThat(results.get(0).get("positions")).hasSize(2);
        assertThat(results.get(1).get("fromVersion").asLong()).isEqualTo(2);
        assertThat(results.get(1).get("toVersion").asLong()).isEqualTo(2);
        assertThat(results.get(1).get("positions").get(0).asLong())
                .isEqualTo(eventsOf(stock).get(1).get("position").asLong());
        assertThat(texts(eventsOf(order), "type")).containsExactly("Order.Placed", "Order.Paid");
        assertThat(version(customer)).as("a checked stream is not written").isEqualTo(2);
    }

    @Test
    void storesNothingWhenOneCheckFails() {
        String order = uniqueStream();
        String customer = uniqueStream();
        appendOk(customer, null, List.of(event("Customer.Registered", Map.of())));
        long head = head();

        Response refused = appendAll(List.of(streamAppend(order, "no_stream", event("Order.Placed", Map.of()))),
                List.of(check(customer, 5)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("wrong-expected-version");
        JsonNode failures = refused.json().get("failures");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).get("streamId").asString()).isEqualTo(customer);
        assertThat(failures.get(0).get("expectedVersion").asLong()).isEqualTo(5);
        assertThat(failures.get(0).get("currentVersion").asLong()).isEqualTo(1);
        assertThat(api.get(Role.READER, "/api/v1/streams/" + order).status()).isEqualTo(404);
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void listsEveryFailedExpectationAsTheClientWroteIt() {
        String existing = uniqueStream();
        String absent = uniqueStream();
        String checked = uniqueStream();
        String fine = uniqueStream();
        appendOk(existing, null, List.of(event("Order.Placed", Map.of())));

        Response refused = appendAll(
                List.of(streamAppend(existing, "no_stream", event("Order.Paid", Map.of())),
                        streamAppend(fine, "any", event("Order.Placed", Map.of())),
                        streamAppend(absent, 3, event("Order.Placed", Map.of()))),
                List.of(check(checked, "stream_exists")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        JsonNode failures = refused.json().get("failures");
        assertThat(texts(failures, "streamId")).containsExactly(existing, absent, checked);
        assertThat(failures.get(0).get("expectedVersion").asString()).isEqualTo("no_stream");
        assertThat(failures.get(0).get("currentVersion").asLong()).isEqualTo(1);
        assertThat(failures.get(1).get("expectedVersion").isNumber()).isTrue();
        assertThat(failures.get(1).get("currentVersion").asLong()).isEqualTo(0);
        assertThat(failures.get(2).get("expectedVersion").asString()).isEqualTo("stream_exists");
        assertThat(api.get(Role.READER, "/api/v1/streams/" + fine).status()).isEqualTo(404);
    }

    @Test
    void anAppendRefusedForAnotherReasonRollsBackTheOthers() {
        String first = uniqueStream();
        String second = uniqueStream();
        appendOk(second, null, List.of(event("Order.Placed", Map.of())));

        Response refused = appendAll(
                List.of(streamAppend(first, "no_stream", event("Order.Placed", Map.of())),
                        streamAppend(second, 1, event("Invoice.Sent", Map.of()))),
                List.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("partition-mismatch");
        assertThat(api.get(Role.READER, "/api/v1/streams/" + first).status()).isEqualTo(404);
        assertThat(version(second)).isEqualTo(1);
    }

    @Test
    void aRetriedRequestAnswersTheOriginalResultsAndStoresNothing() {
        String a = uniqueStream();
        String b = uniqueStream();
        Map<String, Object> body = body(List.of(streamAppend(a, "no_stream", event("a-1", "Order.Placed", Map.of())),
                streamAppend(b, "no_stream", event("b-1", "Order.Placed", Map.of()), event("b-2", "Order.Paid", Map.of()))), List.of());
        Response first = api.post(Role.WRITER, "/api/v1/appends", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long head = head();

        Response retried = api.post(Role.WRITER, "/api/v1/appends", body);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json()).isEqualTo(first.json());
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void refusesMalformedRequestsNamingEveryFieldAndStoresNothing() {
        String stream = uniqueStream();
        long head = head();

        Response refused = appendAll(
                List.of(streamAppend(stream, "sometimes", event("NoDot", Map.of())),
                        streamAppend(stream, "any", event("Order.Placed", Map.of())),
                        streamAppend("/bad id", "any", event("Order.Placed", Map.of()))),
                List.of(check(stream, "any")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(texts(refused.json().get("errors"), "field")).containsExactlyInAnyOrder(
                "appends[0].expectedVersion", "appends[0].events[0].type", "appends[2].streamId",
                "appends[1].streamId", "checks[0].streamId");
        assertThat(api.post(Role.WRITER, "/api/v1/appends", Map.of("appends", List.of())).status()).isEqualTo(400);
        assertThat(api.post(Role.WRITER, "/api/v1/appends",
                Map.of("appends", List.of(Map.of("streamId", stream, "events", List.of())))).status()).isEqualTo(400);
        assertThat(api.post(Role.READER, "/api/v1/appends", body(List.of(streamAppend(stream, "any",
                event("Order.Placed", Map.of()))), List.of())).status()).isEqualTo(403);
        assertThat(head()).isEqualTo(head);
    }

    /**
     * Writers append to the same two streams, naming them in either order, at the versions they read:
     * no two requests wait for each other for ever, and the streams always move together.
     */
    @Test
    void concurrentMultiStreamAppendsNeverDeadlockAndKeepTheirStreamsInStep() throws Exception {
        String left = uniqueStream();
        String right = uniqueStream();
        int clients = 8;
        int rounds = 5;
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                writers.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < rounds; round++) {
                        long version = version(left);
                        List<Map<String, Object>> appends = new ArrayList<>(List.of(
                                streamAppend(left, version, event("Pair.Moved", Map.of("client", client))),
                                streamAppend(right, version, event("Pair.Moved", Map.of("client", client)))));
                        if (client % 2 == 1) {
                            Collections.reverse(appends);
                        }
                        Response response = appendAll(appends, List.of());
                        if (response.status() == 201) {
                            stored.incrementAndGet();
                        } else {
                            assertThat(response.status()).as(response.toString()).isEqualTo(409);
                            assertThat(response.json().get("failures")).isNotEmpty();
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stored.get() + conflicts.get()).isEqualTo(clients * rounds);
        assertThat(conflicts.get()).as("a race with no losers tested nothing").isPositive();
        assertThat(version(left)).isEqualTo(stored.get());
        assertThat(version(right)).isEqualTo(stored.get());
        assertThat(writers(left)).as("the same writer moved both streams at each version").isEqualTo(writers(right));
    }

    private Response appendAll(List<Map<String, Object>> appends, List<Map<String, Object>> checks) {
        return api.post(Role.WRITER, "/api/v1/appends", body(appends, checks));
    }

    private static Map<String, Object> body(List<Map<String, Object>> appends, List<Map<String, Object>> checks) {
        return Map.of("appends", appends, "checks", checks);
    }

    private static Map<String, Object> check(String streamId, Object expectedVersion) {
        return Map.of("streamId", streamId, "expectedVersion", expectedVersion);
    }

    private long version(String stream) {
        Response summary = api.get(Role.READER, "/api/v1/streams/" + stream);
        return summary.status() == 404 ? 0 : summary.json().get("version").asLong();
    }

    private List<Integer> writers(String stream) {
        return eventsOf(stream).valueStream().map(event -> event.get("data").get("client").asInt()).toList();
    }

    private JsonNode eventsOf(String stream) {
        return api.get(Role.READER, "/api/v1/streams/" + stream + "/events").json().get("events");
    }
}

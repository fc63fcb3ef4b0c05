package dev.eskit.web.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 32 clients race to append to one stream, each at the version it last read. */
abstract class StreamConcurrencyTests extends ApiTest {

    private static final int CLIENTS = 32;
    private static final int ROUNDS = 4;

    @Test
    void everyRaceEndsIn201Or409AndTheStreamHoldsExactlyTheAcknowledgedEvents() throws Exception {
        String stream = uniqueStream();
        appendOk(stream, "no_stream", List.of(event("seed", "Race.Started", Map.of())));
        Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        long version = api.get(Role.READER, "/api/v1/streams/" + stream).json().get("version").asLong();
                        List<Map<String, Object>> events = List.of(
                                event(client + "-" + round + "-a", "Race.Moved", Map.of("client", client)),
                                event(client + "-" + round + "-b", "Race.Moved", Map.of("client", client)));
                        Response response = append(stream, version, events);
                        if (response.status() == 201) {
                            long from = response.json().get("fromVersion").asLong();
                            acknowledgedAt.put(client + "-" + round + "-a", from);
                            acknowledgedAt.put(client + "-" + round + "-b", from + 1);
                        } else {
                            assertThat(response.status()).as(response.toString()).isEqualTo(409);
                            assertThat(response.json().get("currentVersion").asLong()).isGreaterThan(version);
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode stored = api.get(Role.READER, "/api/v1/streams/" + stream + "/events?limit=1000").json();
        List<Long> versions = stored.get("events").valueStream().map(event -> event.get("version").asLong()).toList();
        assertThat(versions).hasSize(acknowledgedAt.size() + 1);
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i)).isEqualTo(i + 1L);
        }
        stored.get("events").valueStream().skip(1).forEach(event ->
                assertThat(acknowledgedAt.get(event.get("id").asString())).isEqualTo(event.get("version").asLong()));
        assertThat(conflicts.get() + acknowledgedAt.size() / 2).isEqualTo(CLIENTS * ROUNDS);
        assertThat(conflicts.get()).as("a race with no losers tested nothing").isPositive();
    }
}

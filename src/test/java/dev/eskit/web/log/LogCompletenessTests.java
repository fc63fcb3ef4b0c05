package dev.eskit.web.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import dev.eskit.support.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * While eight writers commit concurrently (so transactions finish out of position order), a
 * reader paging with cursors and a follower on SSE must each see every acknowledged event once.
 */
abstract class LogCompletenessTests extends ApiTest {

    private static final int WRITERS = 8;
    private static final int REQUESTS_PER_WRITER = 25;

    @Test
    void pagingReaderAndSseFollowerSeeEveryAcknowledgedEventExactlyOnce() throws Exception {
        String p = uniquePartition();
        String start = endCursor();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try (SseClient sse = new SseClient(api, api.request(Role.READER, "/api/v1/log/stream?selector=" + p + ".*&after=" + start))) {
            Future<Map<String, Long>> paged = pool.submit(() -> pageUntilQuiet(p, start, writing));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String stream = uniqueStream();
                writers.add(pool.submit(() -> write(stream, p, go, acknowledged)));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);

            Map<String, Long> pagedPositions = paged.get();
            List<String> followedIds = follow(sse, acknowledged.size());

            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(WRITERS * REQUESTS_PER_WRITER);
            assertThat(pagedPositions).as("every acknowledged event once, at the position its append reported")
                    .containsExactlyInAnyOrderEntriesOf(acknowledged);
            assertThat(followedIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
        } finally {
            pool.shutdownNow();
        }
    }

    private Void write(String stream, String p, CountDownLatch go, Map<String, Long> acknowledged) throws InterruptedException {
        go.await();
        for (int r = 0; r < REQUESTS_PER_WRITER; r++) {
            int size = ThreadLocalRandom.current().nextInt(1, 4);
            List<Map<String, Object>> events = new ArrayList<>();
            for (int e = 0; e < size; e++) {
                events.add(event(stream + "/" + r + "/" + e, p + ".Happened", Map.of("r", r)));
            }
            Response response = append(stream, null, events);
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            JsonNode positions = response.json().get("positions");
            for (int e = 0; e < size; e++) {
                acknowledged.put((String) events.get(e).get("id"), positions.get(e).asLong());
            }
        }
        return null;
    }

    /** Pages with small pages while the writers run, then once more after they stop, until a page is empty. */
    private Map<String, Long> pageUntilQuiet(String p, String start, AtomicBoolean writing) {
        Map<String, Long> positions = new HashMap<>();
        String cursor = start;
        boolean lastRound = false;
        while (true) {
            boolean writersDone = !writing.get();
            JsonNode page = api.get(Role.READER, "/api/v1/log?limit=7&waitSeconds=1&selector=" + p + ".*&after=" + cursor).json();
            page.get("entries").forEach(entry -> {
                Long earlier = positions.put(entry.get("id").asString(), entry.get("position").asLong());
                assertThat(earlier).as("seen twice: " + entry).isNull();
            });
            cursor = page.get("cursor").asString();
            if (page.get("entries").isEmpty() && lastRound) {
                return positions;
            }
            lastRound = writersDone;
        }
    }

    private static List<String> follow(SseClient sse, int expected) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        while (ids.size() < expected) {
            SseClient.Message message = sse.next(Duration.ofSeconds(20));
            if (message == null) {
                break;
            }
            ids.add(message.data().get("id").asString());
        }
        SseClient.Message extra = sse.next(Duration.ofMillis(500));
        if (extra != null) {
            ids.add(extra.data().get("id").asString());
        }
        return ids;
    }
}

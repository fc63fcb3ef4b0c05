package dev.eskit.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.PostgresSchema;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The product killed with SIGKILL while eight clients write, then started again on the same
 * database: every write it acknowledged is there, and every view and processor catches up.
 */
class CrashUnderWritesOnPostgresTest {

    private static final String SCHEMA = "eskit_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String TYPE = "Crash";
    private static final int WRITERS = 8;

    private static Instance restarted;

    @AfterAll
    static void stop() throws InterruptedException {
        try {
            if (restarted != null) {
                restarted.close();
            }
        } finally {
            PostgresSchema.drop(SCHEMA);
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillAndEveryViewConverges() throws Exception {
        Instance crashing = Instance.start("crashing", SCHEMA, List.of());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(crashing::ready);
        ConcurrentLinkedQueue<String> entities = new ConcurrentLinkedQueue<>();
        Map<Integer, ConcurrentLinkedQueue<String>> events = new ConcurrentHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                try {
                    for (int i = 0; ; i++) {
                        if (writer % 2 == 0) {
                            createEntity(crashing, entities);
                        } else {
                            appendEvent(crashing, events, writer, i);
                        }
                    }
                } catch (UncheckedIOException killed) {
                    // the process is gone: this client's last write was never acknowledged
                }
            });
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> entities.size() + events.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum() >= 400);
        crashing.kill();
        writers.shutdown();
        assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        restarted = Instance.start("restarted", SCHEMA, List.of());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(restarted::ready);

        for (String id : entities) {
            Response entity = restarted.api.get(Role.READER, "/api/v1/entities/" + TYPE + "/" + id);
            assertThat(entity.status()).as(entity.toString()).isEqualTo(200);
        }
        for (int writer = 1; writer < WRITERS; writer += 2) {
            Set<String> stored = new HashSet<>();
            restarted.api.get(Role.READER, "/api/v1/streams/" + stream(writer) + "/events?limit=1000").json().get("events")
                    .forEach(event -> stored.add(event.get("id").asString()));
            assertThat(stored).containsAll(events.getOrDefault(writer, new ConcurrentLinkedQueue<>()));
        }
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            Set<String> listed = new HashSet<>();
            String cursor = null;
            do {
                JsonNode page = restarted.api.get(Role.READER, "/api/v1/entities/" + TYPE + "?limit=200"
                        + (cursor == null ? "" : "&cursor=" + cursor)).json();
                page.get("items").forEach(item -> listed.add(item.get("id").asString()));
                cursor = page.get("next").isNull() ? null : page.get("next").asString();
            } while (cursor != null);
            assertThat(listed).containsAll(entities);
            restarted.api.get(Role.ADMIN, "/api/v1/admin/processors").json()
                    .forEach(processor -> assertThat(processor.get("lag").asLong()).as(processor.toString()).isZero());
        });
    }

    private static void createEntity(Instance instance, ConcurrentLinkedQueue<String> acknowledged) {
        Response created = instance.api.post(Role.WRITER, "/api/v1/entities/" + TYPE, Map.of("n", 1));
        if (created.status() == 201) {
            acknowledged.add(created.json().get("id").asString());
        }
    }

    private static void appendEvent(Instance instance, Map<Integer, ConcurrentLinkedQueue<String>> acknowledged, int writer, int i) {
        String id = UUID.randomUUID().toString();
        Response appended = instance.api.post(Role.WRITER, "/api/v1/streams/" + stream(writer) + "/events",
                Map.of("events", List.of(Map.of("id", id, "type", "Crash.Wrote", "data", Map.of("i", i)))));
        if (appended.status() == 201) {
            acknowledged.computeIfAbsent(writer, w -> new ConcurrentLinkedQueue<>()).add(id);
        }
    }

    private static String stream(int writer) {
        return "crash-" + SCHEMA + "-" + writer;
    }
}

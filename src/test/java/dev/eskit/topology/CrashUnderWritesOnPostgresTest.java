package dev.eskit.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.KafkaBroker;
import dev.eskit.support.PostgresSchema;
import dev.eskit.support.TopicReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The product killed with SIGKILL several times, at random moments, while eight clients write,
 * then started again on the same database: every write it acknowledged is there, every view and
 * processor catches up, and the Kafka bridge publishes every acknowledged event.
 */
class CrashUnderWritesOnPostgresTest {

    private static final String SCHEMA = "eskit_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String TYPE = "Crash";
    private static final int WRITERS = 8;
    private static final int KILLS = 3;
    private static final Logger log = LoggerFactory.getLogger(CrashUnderWritesOnPostgresTest.class);

    private static EmbeddedKafkaKraftBroker kafka;
    private static Instance restarted;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaBroker.started(3);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        try {
            if (restarted != null) {
                restarted.close();
            }
        } finally {
            PostgresSchema.drop(SCHEMA);
            kafka.destroy();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillsAtRandomMomentsAndEveryViewConverges() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        log.info("killing at moments drawn from seed {}", seed);
        ConcurrentLinkedQueue<String> entities = new ConcurrentLinkedQueue<>();
        Map<Integer, ConcurrentLinkedQueue<String>> events = new ConcurrentHashMap<>();
        for (int round = 0; round < KILLS; round++) {
            Instance crashing = start("crashing-" + round);
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
            int acknowledgedBefore = acknowledged(entities, events);
            int moreWrites = 50 + random.nextInt(400);
            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged(entities, events) >= acknowledgedBefore + moreWrites);
            crashing.kill();
            writers.shutdown();
            assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }

        restarted = start("restarted");
        for (String id : entities) {
            Response entity = restarted.api.get(Role.READER, "/api/v1/entities/" + TYPE + "/" + id);
            assertThat(entity.status()).as(entity.toString()).isEqualTo(200);
        }
        Set<String> appended = new HashSet<>();
        for (int writer = 1; writer < WRITERS; writer += 2) {
            Set<String> stored = new HashSet<>();
            restarted.api.get(Role.READER, "/api/v1/streams/" + stream(writer) + "/events?limit=1000").json().get("events")
                    .forEach(event -> stored.add(event.get("id").asString()));
            assertThat(stored).containsAll(events.getOrDefault(writer, new ConcurrentLinkedQueue<>()));
            appended.addAll(events.getOrDefault(writer, new ConcurrentLinkedQueue<>()));
        }
        try (TopicReader topics = new TopicReader(kafka.getBrokersAsString())) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Set<String> published = new HashSet<>();
                topics.poll().forEach(record -> published.add(record.value().getId()));
                assertThat(published).containsAll(appended);
                assertThat(restarted.api.listedIds(Role.READER, "/api/v1/entities/" + TYPE)).containsAll(entities);
                restarted.api.get(Role.ADMIN, "/api/v1/admin/processors").json()
                        .forEach(processor -> assertThat(processor.get("lag").asLong()).as(processor.toString()).isZero());
            });
        }
    }

    private static Instance start(String name) {
        Instance instance = Instance.start(name, SCHEMA, List.of("--axon.kafka.publisher.enabled=true",
                "--axon.kafka.bootstrap-servers=" + kafka.getBrokersAsString()));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(instance::ready);
        return instance;
    }

    private static int acknowledged(ConcurrentLinkedQueue<String> entities, Map<Integer, ConcurrentLinkedQueue<String>> events) {
        return entities.size() + events.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum();
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

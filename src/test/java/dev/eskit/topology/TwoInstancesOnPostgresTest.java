package dev.eskit.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.processing.api.Projections;
import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.PostgresSchema;
import dev.eskit.support.Scrape;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas on one PostgreSQL (the JDBC store, no Axon Server), each in its own JVM. Token claims
 * split every processor's two segments between them, each event reaches each read model once, and
 * writes through both replicas to the same stream or gathering never lose an update nor break an
 * invariant: the store's unique (stream, version) key decides between replicas.
 */
class TwoInstancesOnPostgresTest {

    private static final List<String> SPLIT = List.of(Projections.ENTITIES, Projections.ENTITY_TYPES, Projections.USERS,
            Projections.GATHERINGS, Projections.CATALOG);
    private static final String SCHEMA = "eskit_two_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private static Instance first;
    private static Instance second;

    @BeforeAll
    static void startTwoReplicas() {
        List<String> twoSegmentsOneThreadEach = new ArrayList<>();
        for (String processor : SPLIT) {
            twoSegmentsOneThreadEach.add("--axon.eventhandling.processors." + processor + ".initial-segment-count=2");
            twoSegmentsOneThreadEach.add("--axon.eventhandling.processors." + processor + ".thread-count=1");
        }
        first = Instance.start("a", SCHEMA, twoSegmentsOneThreadEach);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(first::ready);
        // started after the first has migrated the schema and made the tokens
        second = Instance.start("b", SCHEMA, twoSegmentsOneThreadEach);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(second::ready);
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        try {
            if (first != null) {
                first.close();
            }
            if (second != null) {
                second.close();
            }
        } finally {
            PostgresSchema.drop(SCHEMA);
        }
    }

    @Test
    void tokenClaimsSplitEveryProcessorsSegmentsBetweenTheReplicas() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Set<String>> owners = claimOwners();
            for (String processor : SPLIT) {
                assertThat(owners.get(processor)).as(processor + "'s segment owners").hasSize(2);
            }
        });
    }

    @Test
    void appendsFromBothReplicasToOneStreamStoreExactlyTheAcknowledgedEvents() throws Exception {
        String stream = "s-" + UUID.randomUUID();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> refused = new ConcurrentLinkedQueue<>();
        runConcurrently(40, i -> {
            String id = UUID.randomUUID().toString();
            Response response = replica(i).api.post(Role.WRITER, "/api/v1/streams/" + stream + "/events", Map.of("events",
                    List.of(Map.of("id", id, "type", "Race.Ran", "data", Map.of("i", i)))));
            if (response.status() == 201) {
                acknowledged.add(id);
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(409);
                refused.add(i);
            }
        });
        JsonNode stored = first.api.get(Role.READER, "/api/v1/streams/" + stream + "/events?limit=1000").json();
        List<String> ids = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        stored.get("events").forEach(event -> {
            ids.add(event.get("id").asString());
            versions.add(event.get("version").asLong());
        });
        assertThat(ids).containsExactlyInAnyOrderElementsOf(acknowledged);
        assertThat(versions).containsExactlyElementsOf(LongStream.rangeClosed(1, acknowledged.size()).boxed().toList());
        assertThat(acknowledged.size() + refused.size()).isEqualTo(40);
    }

    @Test
    void aGatheringFilledFromBothReplicasNeverTakesMoreThanItsCapacity() throws Exception {
        String organizer = user(first);
        Response planned = first.api.post(Role.WRITER, "/api/v1/gatherings", Map.of("kind", "CONCERT", "name", "Both sides",
                "venue", Map.of("name", "Hall", "address", "Street 1", "country", "NL"),
                "startsAt", "2031-05-01T20:00:00Z", "endsAt", "2031-05-01T23:00:00Z", "capacity", 5, "organizerId", organizer));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        String gathering = planned.json().get("id").asString();
        List<String> fans = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            fans.add(user(replica(i)));
        }
        ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
        runConcurrently(12, i -> {
            Response response = replica(i).api.post(Role.WRITER, "/api/v1/gatherings/" + gathering + "/attendees",
                    Map.of("userId", fans.get(i)));
            if (response.status() == 201) {
                registered.add(fans.get(i));
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(409);
            }
        });
        assertThat(registered).hasSize(5);
        for (Instance replica : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(replica.api
                    .get(Role.READER, "/api/v1/gatherings/" + gathering).json().get("attendees").asInt()).isEqualTo(5));
        }
    }

    @Test
    void everyEventIsCountedOnceAcrossTheReplicas() throws Exception {
        String type = "Two" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        runConcurrently(30, i -> assertThat(replica(i).api.post(Role.WRITER, "/api/v1/streams/s-" + UUID.randomUUID() + "/events",
                Map.of("events", List.of(Map.of("type", type + ".Counted", "data", Map.of())))).status()).isEqualTo(201));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            double counted = 0;
            for (Instance replica : List.of(first, second)) {
                counted += Scrape.of(replica.api)
                        .value("eskit_events_store_total", Map.of("partition", type, "type", type + ".Counted")).orElse(0);
            }
            assertThat(counted).isEqualTo(30);
        });
    }

    /** Each replica caches the entity; neither may decide on its copy once the other has moved it on. */
    @Test
    void writesAlternatingBetweenTheReplicasAlwaysDecideOnTheLatestVersion() {
        String entity = "/api/v1/entities/Alternating/" + UUID.randomUUID();
        Response created = first.api.send(first.api.request(Role.WRITER, entity).header("If-None-Match", "*")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"step\":0}")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String etag = created.header("ETag");
        for (int step = 1; step <= 10; step++) {
            Instance replica = replica(step);
            Response patched = replica.api.send(replica.api.request(Role.WRITER, entity).header("If-Match", etag)
                    .header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"step\":" + step + "}")));
            assertThat(patched.status()).as("step %d: %s", step, patched).isEqualTo(200);
            etag = patched.header("ETag");
        }
        Response deleted = second.api.delete(Role.WRITER, entity);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    }

    private static Instance replica(int i) {
        return i % 2 == 0 ? first : second;
    }

    private static String user(Instance replica) {
        Response user = replica.api.post(Role.WRITER, "/api/v1/users",
                Map.of("name", "Fan", "email", "f" + UUID.randomUUID() + "@example.com"));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        return user.json().get("id").asString();
    }

    private static void runConcurrently(int calls, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    call.run(index);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, Set<String>> claimOwners() throws SQLException {
        Map<String, Set<String>> owners = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(PostgresSchema.SERVER + "?currentSchema=" + SCHEMA,
                PostgresSchema.USER, "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT processor_name, owner FROM token_entry")) {
            while (rows.next()) {
                String owner = rows.getString("owner");
                if (owner != null) {
                    owners.computeIfAbsent(rows.getString("processor_name"), name -> new HashSet<>()).add(owner);
                }
            }
        }
        return owners;
    }

    private interface Call {
        void run(int index) throws Exception;
    }
}

package dev.eskit.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.rpc.RetryInfo;
import dev.eskit.EskitApplication;
import dev.eskit.grpc.v1.AppendRequest;
import dev.eskit.grpc.v1.NewEvent;
import dev.eskit.support.Api;
import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.Grpc;
import dev.eskit.support.KafkaBroker;
import dev.eskit.support.PrivatePostgres;
import dev.eskit.support.TopicReader;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * The database stopped at once under concurrent writes, kept down while the load goes on, then
 * started again: refusals are quick 503s with Retry-After, health says DOWN, and afterwards the
 * same process serves again, every acknowledged write is there, and every processor and the
 * Kafka bridge catch up.
 */
class DatabaseOutageOnPostgresTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageOnPostgresTest.class);
    private static final int WRITERS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    /** The documented bound: no request waits longer than the pool's connection timeout plus a margin. */
    private static final Duration LONGEST_REFUSAL = Duration.ofSeconds(8);
    private static final String TYPE = "Outage";

    private static PrivatePostgres postgres;
    private static EmbeddedKafkaKraftBroker kafka;
    private static ConfigurableApplicationContext application;
    private static Api api;

    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(PrivatePostgres.available(), "needs the PostgreSQL binaries to run a private cluster");
        postgres = PrivatePostgres.start();
        kafka = KafkaBroker.started(3);
        application = new SpringApplicationBuilder(EskitApplication.class).profiles("postgres", "postgres-test").run(
                "--server.port=0", "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
                "--axon.kafka.publisher.enabled=true", "--axon.kafka.bootstrap-servers=" + kafka.getBrokersAsString());
        api = new Api(((WebServerApplicationContext) application).getWebServer().getPort(), false);
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void refusesQuicklyWhileTheDatabaseIsDownAndLosesNothingOnceItReturns() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; writing.get(); i++) {
                    outcomes.add(writer % 2 == 0 ? createEntity() : appendEvent(writer, i));
                }
            });
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged().size() >= 200);

        long stoppedAt = System.nanoTime();
        postgres.stopImmediately();
        long downAt = System.nanoTime();
        await().atMost(LONGEST_REFUSAL).until(() -> firstAfter(downAt, 503).isPresent());
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get(Role.NONE, "/actuator/health").status() == 503);
        JsonNode health = api.get(Role.NONE, "/actuator/health").json();
        StatusRuntimeException grpcRefusal = refusedOverGrpc();
        await().pollDelay(OUTAGE).until(() -> true);
        long restartAt = System.nanoTime();
        postgres.startAgain();
        long upAt = System.nanoTime();
        await().atMost(Duration.ofMinutes(1)).until(() -> firstAfter(upAt, 201).isPresent());
        long recoveredAt = firstAfter(upAt, 201).orElseThrow().endedAt();
        await().atMost(Duration.ofMinutes(1)).until(() -> outcomes.stream().filter(outcome -> outcome.startedAt() > recoveredAt
                && outcome.status() == 201).count() >= 50);
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        log.info("database stopped in {} ms; first 503 {} ms after it was down ({} ms for a request sent after); restarted in {} ms; "
                        + "first 201 {} ms after it was up; {} writes acknowledged, {} refused with 503, longest refusal {} ms",
                millis(downAt - stoppedAt), millis(firstAfter(Long.MIN_VALUE, 503).orElseThrow().endedAt() - downAt),
                millis(firstAfter(downAt, 503).orElseThrow().endedAt() - downAt),
                millis(upAt - restartAt), millis(recoveredAt - upAt), acknowledged().size(),
                outcomes.stream().filter(outcome -> outcome.status() == 503).count(), millis(longestRefusal()));
        assertThat(health.get("status").asString()).isEqualTo("DOWN");
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.status()).as(outcome.toString()).isIn(201, 503));
        List<Outcome> duringOutage = outcomes.stream()
                .filter(outcome -> outcome.startedAt() > downAt && outcome.endedAt() < restartAt).toList();
        assertThat(duringOutage).isNotEmpty().allSatisfy(outcome -> {
            assertThat(outcome.status()).isEqualTo(503);
            assertThat(outcome.retryAfter()).isEqualTo("5");
            assertThat(outcome.contentType()).startsWith("application/problem+json");
        });
        assertThat(Duration.ofNanos(longestRefusal())).isLessThanOrEqualTo(LONGEST_REFUSAL);
        assertThat(grpcRefusal.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(Grpc.errorInfo(grpcRefusal).getReason()).isEqualTo("STORE_UNAVAILABLE");
        everyAcknowledgedWriteIsStoredAndPublished();
    }

    /** The gRPC port refuses as HTTP does: UNAVAILABLE, with the problem's reason and a retry delay. */
    private static StatusRuntimeException refusedOverGrpc() throws InterruptedException {
        int port = application.getEnvironment().getRequiredProperty("local.grpc.server.port", Integer.class);
        try (Grpc grpc = new Grpc(port, false)) {
            StatusRuntimeException refusal = catchThrowableOfType(StatusRuntimeException.class, () -> grpc.streams(Role.WRITER)
                    .append(AppendRequest.newBuilder().setStreamId("outage-grpc")
                            .addEvents(NewEvent.newBuilder().setType(TYPE + ".Happened").setData("{}")).build()));
            assertThat(refusal).as("an append over gRPC while the database is down").isNotNull();
            assertThat(StatusProto.fromThrowable(refusal).getDetailsList()).anyMatch(detail -> detail.is(RetryInfo.class));
            return refusal;
        }
    }

    private void everyAcknowledgedWriteIsStoredAndPublished() {
        List<Outcome> acknowledged = acknowledged();
        for (Outcome outcome : acknowledged) {
            Response read = outcome.entity()
                    ? api.get(Role.READER, "/api/v1/entities/" + TYPE + "/" + outcome.id())
                    : api.get(Role.READER, "/api/v1/streams/" + outcome.stream() + "/events?limit=1000");
            assertThat(read.status()).as(outcome + " " + read).isEqualTo(200);
            if (!outcome.entity()) {
                assertThat(read.text()).contains(outcome.id());
            }
        }
        Set<String> expectedOnKafka = new HashSet<>();
        acknowledged.stream().filter(outcome -> !outcome.entity()).forEach(outcome -> expectedOnKafka.add(outcome.id()));
        try (TopicReader topics = new TopicReader(kafka.getBrokersAsString())) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Set<String> published = new HashSet<>();
                topics.poll().forEach(record -> published.add(record.value().getId()));
                assertThat(published).containsAll(expectedOnKafka);
                api.get(Role.ADMIN, "/api/v1/admin/processors").json().forEach(processor ->
                        assertThat(processor.get("lag").asLong()).as(processor.toString()).isZero());
                assertThat(api.listedIds(Role.READER, "/api/v1/entities/" + TYPE)).containsAll(acknowledged.stream().filter(Outcome::entity).map(Outcome::id).toList());
            });
        }
    }

    private Outcome createEntity() {
        long startedAt = System.nanoTime();
        Response created = api.post(Role.WRITER, "/api/v1/entities/" + TYPE, Map.of("n", 1));
        String id = created.status() == 201 ? created.json().get("id").asString() : null;
        return Outcome.of(startedAt, created, true, null, id);
    }

    private Outcome appendEvent(int writer, int i) {
        long startedAt = System.nanoTime();
        String id = UUID.randomUUID().toString();
        String stream = "outage-" + writer;
        Response appended = api.post(Role.WRITER, "/api/v1/streams/" + stream + "/events",
                Map.of("events", List.of(Map.of("id", id, "type", "Outage.Wrote", "data", Map.of("i", i)))));
        return Outcome.of(startedAt, appended, false, stream, id);
    }

    private List<Outcome> acknowledged() {
        return outcomes.stream().filter(outcome -> outcome.status() == 201).toList();
    }

    private Optional<Outcome> firstAfter(long startedAfter, int status) {
        return new ArrayList<>(outcomes).stream().filter(outcome -> outcome.startedAt() > startedAfter && outcome.status() == status)
                .min(Comparator.comparingLong(Outcome::endedAt));
    }

    private long longestRefusal() {
        return outcomes.stream().filter(outcome -> outcome.status() == 503)
                .mapToLong(outcome -> outcome.endedAt() - outcome.startedAt()).max().orElse(0);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** One write as its client saw it. */
    private record Outcome(long startedAt, long endedAt, int status, String retryAfter, String contentType, boolean entity,
                           String stream, String id) {

        static Outcome of(long startedAt, Response response, boolean entity, String stream, String id) {
            return new Outcome(startedAt, System.nanoTime(), response.status(), response.header("Retry-After"),
                    String.valueOf(response.header("Content-Type")), entity, stream, id);
        }
    }
}

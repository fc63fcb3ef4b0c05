package dev.eskit.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Empty;
import dev.eskit.grpc.v1.AppendRequest;
import dev.eskit.grpc.v1.GetStreamRequest;
import dev.eskit.grpc.v1.NewEvent;
import dev.eskit.grpc.v1.SubscribeRequest;
import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.Dashboards;
import dev.eskit.support.Dashboards.Dashboard;
import dev.eskit.support.Dashboards.Query;
import dev.eskit.support.KafkaBroker;
import dev.eskit.support.LogSubscriber;
import dev.eskit.support.PostgresSchema;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * Every query of the Grafana dashboards returns data from a real Prometheus that scrapes two
 * replicas on one PostgreSQL with the Kafka bridge on, as compose runs them: a metric renamed, a
 * label gone or PromQL that does not evaluate fails here, not on an empty panel in production.
 * Without a {@code prometheus} binary the test is skipped, unless {@code ESKIT_REQUIRE_PROMETHEUS}
 * is set (CI sets it and installs Debian's package), then it fails.
 */
@EnabledIf(value = "prometheusInstalledOrRequired", disabledReason = "no prometheus binary on the PATH nor at "
        + "/usr/bin/prometheus; set ESKIT_REQUIRE_PROMETHEUS to fail instead of skipping")
class PrometheusScrapeTest {

    private static final String REQUIRE = "ESKIT_REQUIRE_PROMETHEUS";
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String SCHEMA = "eskit_prom_" + RUN;
    /** One partition and entity type for the run, since each new one makes the bridge create Kafka topics. */
    private static final String TYPE = "Prom" + RUN;
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*(\\w+)\\s*,\\s*(\\w+)\\s*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{(\\w+)}|(\\w+))");
    /** Grafana's own variables, as it sets them for the dashboards' default hour at a 15 s step. */
    private static final Map<String, String> BUILT_IN = Map.of("__rate_interval", "1m", "__interval", "15s", "__range", "1h");

    @TempDir
    static Path directory;
    private static EmbeddedKafkaKraftBroker kafka;
    private static final List<Instance> replicas = new ArrayList<>();
    private static Prometheus prometheus;

    /** A condition rather than an assumption, so that Surefire counts the test as skipped. */
    static boolean prometheusInstalledOrRequired() {
        String required = Optional.ofNullable(System.getenv(REQUIRE)).orElse(System.getProperty(REQUIRE, ""));
        return Prometheus.binary().isPresent() || !(required.isBlank() || required.equalsIgnoreCase("false"));
    }

    @BeforeAll
    static void startTwoReplicasAndPrometheus() {
        Optional<Path> binary = Prometheus.binary();
        assertThat(binary).as("no prometheus binary on the PATH nor at /usr/bin/prometheus (apt-get install prometheus), and "
                + REQUIRE + " is set").isPresent();

        // the bridge on, as compose runs it: its lag panel has no series without it
        kafka = KafkaBroker.started(1, "eskit.events");
        List<String> kafkaOn = List.of("--axon.kafka.publisher.enabled=true",
                "--axon.kafka.bootstrap-servers=" + kafka.getBrokersAsString());
        // both at once, to halve the wait: Flyway retries a schema it lost the race to create and
        // migrates under a lock, and Axon retries a processor whose first tokens the other replica made
        for (String name : List.of("prometheus-a", "prometheus-b")) {
            replicas.add(Instance.start(name, SCHEMA, kafkaOn));
        }
        prometheus = Prometheus.start(binary.get(), directory, replicas.stream().map(PrometheusScrapeTest::target).toList());
        for (Instance replica : replicas) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(replica::ready);
        }
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        try {
            if (prometheus != null) {
                prometheus.close();
            }
            for (Instance replica : replicas) {
                replica.close();
            }
            if (kafka != null) {
                kafka.destroy();
            }
        } finally {
            if (!replicas.isEmpty()) {
                PostgresSchema.drop(SCHEMA);
            }
        }
    }

    @Test
    void everyDashboardQueryReturnsDataFromBothReplicas() {
        await().atMost(Duration.ofSeconds(30)).ignoreException(UncheckedIOException.class).untilAsserted(() ->
                assertThat(prometheus.get("/api/v1/targets").path("data").path("activeTargets"))
                        .as("the scrape targets").hasSize(2).allMatch(t -> t.path("health").asString().equals("up")));
        // traffic goes on while Prometheus scrapes, as in production: a percentile of rates is NaN
        // (an empty panel) until a later scrape sees the histogram's buckets grow
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            replicas.forEach(PrometheusScrapeTest::exerciseEveryPanel);
            SoftAssertions softly = new SoftAssertions();
            for (Dashboard dashboard : Dashboards.all()) {
                Map<String, String> variables = variables(dashboard, softly);
                for (Query query : dashboard.queries()) {
                    String sent = resolve(query.expr(), variables);
                    JsonNode answer = prometheus.query(sent);
                    softly.assertThat(values(answer)).as("%s%n  sent %s%n  answered %s", query, sent, answer)
                            .anyMatch(Double::isFinite);
                }
            }
            softly.assertAll();
        });
    }

    /**
     * Appends, an entity, a user, a refused duplicate (a failed command, a 409), reads, a 404, a
     * consumer; over gRPC an append, a refused read and a subscription's first message.
     */
    private static void exerciseEveryPanel(Instance replica) {
        String unique = UUID.randomUUID().toString();
        expect(201, replica.api.post(Role.WRITER, "/api/v1/streams/s-" + unique + "/events",
                Map.of("events", List.of(Map.of("type", TYPE + ".Happened", "data", Map.of())))));
        expect(201, replica.api.post(Role.WRITER, "/api/v1/entities/" + TYPE, Map.of("n", 1)));
        Map<String, String> user = Map.of("name", "Scraped", "email", unique + "@example.com");
        expect(201, replica.api.post(Role.WRITER, "/api/v1/users", user));
        expect(409, replica.api.post(Role.WRITER, "/api/v1/users", user));
        expect(200, replica.api.get(Role.READER, "/api/v1/entities/" + TYPE));
        expect(404, replica.api.get(Role.READER, "/api/v1/entities/" + TYPE + "/" + unique));
        String cursor = replica.api.get(Role.READER, "/api/v1/log?limit=1").json().get("cursor").asString();
        expect(200, replica.api.put(Role.WRITER, "/api/v1/consumers/scraped-" + unique, Map.of("cursor", cursor)));
        replica.grpc.streams(Role.WRITER).append(AppendRequest.newBuilder().setStreamId("g-" + unique)
                .addEvents(NewEvent.newBuilder().setType(TYPE + ".Happened").setData("{}")).build());
        assertThat(catchThrowable(() -> replica.grpc.streams(Role.READER)
                .getStream(GetStreamRequest.newBuilder().setStreamId("missing-" + unique).build()))).isNotNull();
        try (LogSubscriber subscriber = new LogSubscriber(replica.grpc.logAsync(Role.READER),
                SubscribeRequest.newBuilder().setFromEnd(Empty.getDefaultInstance()).build())) {
            assertThat(subscriber.next(Duration.ofSeconds(10))).isNotNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Each template variable as Grafana fills it with "All" selected: a label's values from
     * Prometheus, as the regex alternation {@code (a|b)}, each value's regex characters escaped by
     * a backslash that the PromQL string escapes in turn ({@code 127\\.0\\.0\\.1:8080}).
     */
    private static Map<String, String> variables(Dashboard dashboard, SoftAssertions softly) {
        Map<String, String> values = new HashMap<>(BUILT_IN);
        for (JsonNode variable : dashboard.variables()) {
            String name = variable.path("name").asString();
            Matcher labelValues = LABEL_VALUES.matcher(variable.path("query").asString());
            assertThat(labelValues.matches()).as("%s: variable %s, only label_values(metric, label) is understood here",
                    dashboard.name(), name).isTrue();
            List<String> found = new ArrayList<>();
            prometheus.get("/api/v1/label/" + labelValues.group(2) + "/values?match%5B%5D=" + labelValues.group(1))
                    .path("data").forEach(value -> found.add(value.asString()));
            if (labelValues.group(2).equals("instance")) {
                softly.assertThat(found).as("%s: $%s", dashboard.name(), name)
                        .containsExactlyInAnyOrderElementsOf(replicas.stream().map(PrometheusScrapeTest::target).toList());
            }
            values.put(name, "(" + String.join("|", found.stream()
                    .map(value -> value.replaceAll("[$^*{}\\[\\]'+?.()|]", "\\\\\\\\$0")).toList()) + ")");
        }
        return values;
    }

    private static String resolve(String expr, Map<String, String> variables) {
        return VARIABLE.matcher(expr).replaceAll(variable -> {
            String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
            assertThat(variables).as("the variable $%s in %s", name, expr).containsKey(name);
            return Matcher.quoteReplacement(variables.get(name));
        });
    }

    /** The sample values of an instant query's vector, none when it failed. */
    private static List<Double> values(JsonNode answer) {
        List<Double> values = new ArrayList<>();
        if (answer.path("status").asString().equals("success")) {
            // Prometheus writes infinities as Go does, +Inf and -Inf
            answer.path("data").path("result").forEach(sample -> values.add(Double.parseDouble(
                    sample.path("value").get(1).asString().replace("Inf", "Infinity"))));
        }
        return values;
    }

    private static void expect(int status, Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    private static String target(Instance replica) {
        return "127.0.0.1:" + replica.port;
    }
}

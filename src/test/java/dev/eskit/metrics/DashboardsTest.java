package dev.eskit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Empty;
import dev.eskit.grpc.v1.ReadStreamRequest;
import dev.eskit.grpc.v1.SubscribeRequest;
import dev.eskit.support.Api.Role;
import dev.eskit.support.Dashboards;
import dev.eskit.support.Dashboards.Dashboard;
import dev.eskit.support.Dashboards.Query;
import dev.eskit.support.GrpcApiTest;
import dev.eskit.support.KafkaTest;
import dev.eskit.support.LogSubscriber;
import dev.eskit.support.Scrape;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboards in modules/metrics parse, and every metric their panels query is one the
 * application exports, on the configuration that exports the most (the Kafka bridge on).
 */
@KafkaTest
class DashboardsTest extends GrpcApiTest {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset");

    @Test
    void everyPanelQueriesMetricsTheApplicationExports() throws InterruptedException {
        exerciseEveryMetric();
        List<Dashboard> dashboards = Dashboards.all();
        assertThat(dashboards).hasSizeGreaterThanOrEqualTo(2);
        Set<String> queried = new TreeSet<>();
        for (Dashboard dashboard : dashboards) {
            assertThat(dashboard.json().get("uid").asString()).as(dashboard.name()).isNotBlank();
            for (JsonNode panel : dashboard.panels()) {
                assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
            }
            for (Query query : dashboard.queries()) {
                Set<String> metrics = metricsIn(query.expr());
                assertThat(metrics).as(query.toString()).isNotEmpty();
                queried.addAll(metrics);
            }
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(Scrape.of(api).names()).containsAll(queried));
        assertThat(queried).contains("eskit_events_store_total", "eskit_processor_lag_events",
                "eskit_consumers_lag_events", "commandBus_allTimer_seconds_bucket", "eskit_kafka_bridge_lag_events");
    }

    @Test
    void findsTheMetricNamesInAQuery() {
        assertThat(metricsIn("histogram_quantile(0.99, sum by (le, payloadType) "
                + "(rate(commandBus_allTimer_seconds_bucket{instance=~\"$instance\"}[5m])))"))
                .containsExactly("commandBus_allTimer_seconds_bucket");
        assertThat(metricsIn("max by (processor, status) (eskit_processor_status) == 1"))
                .containsExactly("eskit_processor_status");
    }

    /** Metric names: what is left of a PromQL expression without strings, label sets, ranges, groupings and functions. */
    private static Set<String> metricsIn(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher token = NAME.matcher(bare);
        while (token.find()) {
            boolean function = bare.substring(token.end()).stripLeading().startsWith("(");
            if (!function && !PROMQL_WORDS.contains(token.group())) {
                names.add(token.group());
            }
        }
        return names;
    }

    /** Writes, reads, a consumer and a garbage collection, so that every metric has a sample. */
    private void exerciseEveryMetric() throws InterruptedException {
        String type = uniquePartition();
        api.post(Role.WRITER, "/api/v1/entities/" + type, Map.of("n", 1));
        api.get(Role.READER, "/api/v1/entities/" + type);
        api.get(Role.READER, "/api/v1/entities/" + type + "/missing");
        api.put(Role.WRITER, "/api/v1/consumers/dashboards-" + type, Map.of("cursor", endCursor()));
        grpc.streams(Role.WRITER).append(appendRequest(uniqueStream(), ANY, newEvent(type + ".Happened", "{}")));
        refused(() -> grpc.streams(Role.READER).read(ReadStreamRequest.newBuilder().setStreamId(uniqueStream()).build()));
        try (LogSubscriber subscriber = new LogSubscriber(grpc.logAsync(Role.READER),
                SubscribeRequest.newBuilder().setFromEnd(Empty.getDefaultInstance()).build())) {
            assertThat(subscriber.next(Duration.ofSeconds(30))).isNotNull();
        }
        System.gc();
    }
}

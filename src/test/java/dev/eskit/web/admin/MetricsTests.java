package dev.eskit.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import dev.eskit.support.Scrape;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What /actuator/prometheus shows after known writes, run against each storage configuration by a subclass. */
abstract class MetricsTests extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Test
    void countsTheStoredEventsExactlyPerPartitionAndType() {
        String p = uniquePartition();
        appendOk(uniqueStream(), null, List.of(event(p + ".Opened", Map.of()), event(p + ".Noted", Map.of()),
                event(p + ".Noted", Map.of())));
        appendOk(uniqueStream(), null, List.of(event(p + ".Opened", Map.of()), event(p + ".Noted", Map.of())));
        appendOk(uniqueStream(), null, List.of(event(p + ".Closed", Map.of())));

        await().atMost(PATIENCE).untilAsserted(() -> {
            Scrape scrape = Scrape.of(api);
            assertThat(stored(scrape, p, p + ".Opened")).hasValue(2);
            assertThat(stored(scrape, p, p + ".Noted")).hasValue(3);
            assertThat(stored(scrape, p, p + ".Closed")).hasValue(1);
        });
    }

    @Test
    void countsEntityEventsUnderTheirTypeAsPartition() {
        String type = uniquePartition();
        api.post(Role.WRITER, "/api/v1/entities/" + type, Map.of("n", 1));
        api.post(Role.WRITER, "/api/v1/entities/" + type, Map.of("n", 2));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(stored(Scrape.of(api), type, type + ".Created")).hasValue(2));
    }

    @Test
    void showsTheHeadAndAConsumersPositionAndLagAsItsCheckpointDoes() {
        String start = endCursor();
        String p = uniquePartition();
        appendOk(uniqueStream(), null, List.of(event(p + ".A", Map.of()), event(p + ".B", Map.of()), event(p + ".C", Map.of())));
        JsonNode page = api.get(Role.READER, "/api/v1/log?limit=1&after=" + start).json();
        String name = "metrics-" + UUID.randomUUID();
        api.put(Role.WRITER, "/api/v1/consumers/" + name, Map.of("cursor", page.get("cursor").asString()));
        JsonNode consumer = api.get(Role.READER, "/api/v1/consumers/" + name).json();
        assertThat(consumer.get("lag").asLong()).isEqualTo(2);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Scrape scrape = Scrape.of(api);
            Map<String, String> labels = Map.of("consumer", name);
            assertThat(scrape.value("eskit_consumers_position", labels)).hasValue(consumer.get("position").asLong());
            assertThat(scrape.value("eskit_consumers_lag_events", labels)).hasValue(consumer.get("lag").asLong());
            assertThat(scrape.value("eskit_log_head_position", Map.of())).hasValue(head());
        });

        api.delete(Role.WRITER, "/api/v1/consumers/" + name);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(Scrape.of(api).value("eskit_consumers_lag_events", Map.of("consumer", name))).isEmpty());
    }

    @Test
    void showsEveryProcessorsPositionLagAndStatus() {
        appendOk(uniqueStream(), null, List.of(event(uniquePartition() + ".A", Map.of())));
        long head = head();

        await().atMost(PATIENCE).untilAsserted(() -> {
            Scrape scrape = Scrape.of(api);
            for (String processor : List.of("entities", "entity-types", "users", "gatherings", "catalog")) {
                Map<String, String> labels = Map.of("processor", processor);
                assertThat(scrape.value("eskit_processor_position", labels)).as(processor).hasValue(head);
                assertThat(scrape.value("eskit_processor_lag_events", labels)).as(processor).hasValue(0);
                assertThat(scrape.value("eskit_processor_status", Map.of("processor", processor, "status", "running")))
                        .as(processor).hasValue(1);
                assertThat(scrape.value("eskit_processor_dead_letters_events", labels)).as(processor).isPresent();
            }
        });
    }

    @Test
    void timesCommandsWithAxonsDimensionalHistogramsAndReadsWithTheHttpOnes() {
        String type = uniquePartition();
        api.post(Role.WRITER, "/api/v1/entities/" + type, Map.of("n", 1));
        api.get(Role.READER, "/api/v1/entities/" + type);

        Scrape scrape = Scrape.of(api);
        assertThat(scrape.value("commandBus_allTimer_seconds_bucket", Map.of("payloadType", "CreateNewEntity", "le", "+Inf")).orElse(0))
                .isPositive();
        assertThat(scrape.value("eventProcessor_allTimer_seconds_bucket",
                Map.of("processorName", "entities", "payloadType", "EntityCreated", "le", "+Inf")).orElse(0))
                .isPositive();
        assertThat(scrape.value("http_server_requests_seconds_bucket", Map.of("method", "GET",
                "uri", "/api/v1/entities/{type}", "status", "200", "le", "+Inf")).orElse(0))
                .isPositive();
        // no client-side percentiles: they cost CPU on every message and cannot be aggregated
        for (String timer : List.of("eventProcessor.allTimer", "eventProcessor.successTimer", "commandBus.allTimer")) {
            assertThat(registry.find(timer).timers()).isNotEmpty()
                    .allSatisfy(found -> assertThat(found.takeSnapshot().percentileValues()).as(timer).isEmpty());
        }
    }

    @Test
    void timesRefusedRequestsWithTheHttpMetricsAndKeepsNoObservationPerSecurityFilter() {
        String type = uniquePartition();
        assertThat(api.get(Role.NONE, "/api/v1/entities/" + type).status()).isEqualTo(401);
        assertThat(api.post(Role.READER, "/api/v1/entities/" + type, Map.of("n", 1)).status()).isEqualTo(403);

        Scrape scrape = Scrape.of(api);
        assertThat(scrape.value("http_server_requests_seconds_count", Map.of("method", "GET",
                "uri", "UNKNOWN", "status", "401")).orElse(0)).isPositive();
        assertThat(scrape.value("http_server_requests_seconds_count", Map.of("method", "POST",
                "uri", "UNKNOWN", "status", "403")).orElse(0)).isPositive();
        assertThat(registry.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security."));
    }

    @Autowired
    private MeterRegistry registry;

    private static OptionalDouble stored(Scrape scrape, String partition, String type) {
        return scrape.value("eskit_events_store_total", Map.of("partition", partition, "type", type));
    }
}

package dev.eskit.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.commands.api.entity.EntityCreated;
import dev.eskit.commands.api.entity.EntityStreams;
import dev.eskit.commands.api.entity.EntityUpdated;
import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Rebuilding the entities projection from the log while the API serves, on each storage configuration. */
abstract class ReplayTests extends ApiTest {

    private static final Logger log = LoggerFactory.getLogger(ReplayTests.class);
    private static final int ENTITIES = 5_000;
    private static final String PROCESSOR = "/api/v1/admin/processors/entities";

    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void rebuildsTheEntitiesProjectionToTheSameTableWhileReadsGoOn() {
        String type = uniquePartition();
        storeCreatedAndUpdated(type);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(Role.ADMIN, PROCESSOR).json().get("lag").asLong() == 0);
        List<Map<String, Object>> before = entityView(type);
        List<Map<String, Object>> everyEntityBefore = entityKeys();
        assertThat(before).hasSize(ENTITIES);

        Response started = api.post(Role.ADMIN, PROCESSOR + "/replay", Map.of());
        Response second = api.post(Role.ADMIN, PROCESSOR + "/replay", Map.of());

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo(PROCESSOR);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        List<Double> progress = new ArrayList<>();
        // a client's pace, not a load test: the replay's speed is measured here too
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode status = api.get(Role.ADMIN, PROCESSOR).json();
            if (!status.get("replaying").asBoolean()) {
                return true;
            }
            assertThat(status.get("status").asString()).isEqualTo("replaying");
            progress.add(status.get("progress").asDouble());
            readsGoOn(type);
            return false;
        });
        JsonNode finished = await().atMost(Duration.ofSeconds(30)).until(() -> api.get(Role.ADMIN, PROCESSOR).json(),
                processor -> processor.get("lastReplay").get("state").asString().equals("completed"));
        progress.add(finished.get("progress").asDouble());

        assertThat(progress).isSorted().last().isEqualTo(1.0);
        assertThat(progress.get(0)).isBetween(0.0, 1.0);
        assertThat(finished.get("status").asString()).isEqualTo("running");
        assertThat(finished.get("lastReplay").get("events").asLong()).isGreaterThanOrEqualTo(2L * ENTITIES);
        double speed = finished.get("lastReplay").get("eventsPerSecond").asDouble();
        assertThat(speed).isPositive();
        log.info("replayed {} events of which {} for the entities projection at {} events/s",
                finished.get("lastReplay").get("events").asLong(), 2 * ENTITIES, speed);
        assertThat(entityView(type)).isEqualTo(before);
        // other tests' rows may change: a replay also applies the events a dead-letter test dropped
        assertThat(entityKeys()).isEqualTo(everyEntityBefore);
    }

    @Test
    void refusesToReplayWhatIsNoProjectionOrDoesNotExist() {
        Response lifecycle = api.post(Role.ADMIN, "/api/v1/admin/processors/stream-lifecycle/replay", Map.of());
        Response unknown = api.post(Role.ADMIN, "/api/v1/admin/processors/nothing/replay", Map.of());
        Response writer = api.post(Role.WRITER, PROCESSOR + "/replay", Map.of());

        assertThat(lifecycle.status()).isEqualTo(409);
        assertThat(lifecycle.json().get("detail").asString()).contains("not a projection");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(writer.status()).isEqualTo(403);
        assertThat(api.get(Role.ADMIN, PROCESSOR).json().get("replaying").asBoolean()).isFalse();
    }

    @Test
    void listsEveryProcessorWithPositionHeadLagAndStatus() {
        appendOk(uniqueStream(), null, List.of(event(uniquePartition() + ".A", Map.of())));

        JsonNode all = await().atMost(Duration.ofSeconds(15)).until(() -> api.get(Role.ADMIN, "/api/v1/admin/processors").json(),
                processors -> processors.valueStream().allMatch(processor -> processor.get("lag").asLong() == 0));

        assertThat(all.valueStream().map(processor -> processor.get("name").asString()))
                .contains("entities", "entity-types", "users", "gatherings", "catalog");
        for (JsonNode processor : all) {
            assertThat(processor.get("position").asLong()).isEqualTo(processor.get("head").asLong());
            assertThat(processor.get("status").asString()).isEqualTo("running");
            assertThat(processor.get("replaying").asBoolean()).isFalse();
        }
        assertThat(api.get(Role.READER, "/api/v1/admin/processors").status()).isEqualTo(403);
        assertThat(api.get(Role.ADMIN, "/api/v1/admin/processors/nothing").status()).isEqualTo(404);
    }

    private void readsGoOn(String type) {
        Response entity = api.get(Role.READER, "/api/v1/entities/" + type + "/e42");
        assertThat(entity.status()).as(() -> entity + " " + api.get(Role.ADMIN, PROCESSOR).text()).isEqualTo(200);
        assertThat(entity.json().get("data").get("n").asInt()).isEqualTo(43);
        Response list = api.get(Role.READER, "/api/v1/entities/" + type + "?limit=5");
        // the replay may end between the status read before and the list: only a list read during it must be refused
        if (api.get(Role.ADMIN, PROCESSOR).json().get("replaying").asBoolean()) {
            assertThat(list.status()).as("a list would miss the rows not rebuilt yet").isEqualTo(503);
            assertThat(list.header("Retry-After")).isNotBlank();
        }
    }

    /** Stores the events straight into the event store, in batches: 10,000 through HTTP would only slow the test. */
    private void storeCreatedAndUpdated(String type) {
        JsonMapper json = JsonMapper.shared();
        for (int from = 0; from < ENTITIES; from += 500) {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int i = from; i < from + 500; i++) {
                String id = "e" + i;
                String stream = EntityStreams.entity(type, id);
                batch.add(new GenericDomainEventMessage<>("Entity", stream, 0,
                        new EntityCreated(type, id, json.valueToTree(Map.of("n", i, "name", "entity " + i)))));
                batch.add(new GenericDomainEventMessage<>("Entity", stream, 1,
                        new EntityUpdated(type, id, json.valueToTree(Map.of("n", i + 1)))));
            }
            transactions.executeInTransaction(() -> eventStore.publish(batch));
        }
    }

    private List<Map<String, Object>> entityView(String type) {
        return jdbc.queryForList("SELECT * FROM entity_view WHERE type = ? ORDER BY entity_id", type);
    }

    private List<Map<String, Object>> entityKeys() {
        return jdbc.queryForList("SELECT type, entity_id FROM entity_view ORDER BY type, entity_id");
    }
}

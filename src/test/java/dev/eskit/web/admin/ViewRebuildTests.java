package dev.eskit.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.commands.api.PersonalDataVault;
import dev.eskit.commands.api.entity.EntityStreams;
import dev.eskit.commands.api.entity.EntityTypeDefined;
import dev.eskit.commands.api.gathering.GatheringEvents.AttendeeRegistered;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringPlanned;
import dev.eskit.commands.api.gathering.GatheringId;
import dev.eskit.commands.api.gathering.Kind;
import dev.eskit.commands.api.gathering.Venue;
import dev.eskit.commands.api.user.UserEvents.UserRegistered;
import dev.eskit.commands.api.user.UserId;
import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every view stays correct while a replay rebuilds it: a single read answers what the store says
 * (folded from its events when the row is missing or behind), and a list, which would miss rows,
 * is refused with 503 and Retry-After rather than shown in part. Afterwards the table is as before.
 */
abstract class ViewRebuildTests extends ApiTest {

    private static final int ROWS = 3_000;

    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PersonalDataVault vault;

    @Test
    void gatheringsAnswerWhileTheirViewIsRebuilt() {
        String run = uniquePartition();
        List<GatheringId> ids = new ArrayList<>();
        store(i -> {
            GatheringId id = new GatheringId(UUID.randomUUID());
            ids.add(id);
            return List.of(event("Gathering", id.toString(), 0, new GatheringPlanned(id, Kind.PARTY, run + " " + i,
                            new Venue("Hall", null, "NL"), Instant.parse("2031-01-01T20:00:00Z"), Instant.parse("2031-01-01T23:00:00Z"),
                            10, new UserId(UUID.randomUUID()))),
                    event("Gathering", id.toString(), 1, new AttendeeRegistered(id, new UserId(UUID.randomUUID()))));
        });
        String one = "/api/v1/gatherings/" + ids.get(ROWS / 2).value();

        rebuildWhileReading("gatherings", "SELECT * FROM gathering_view ORDER BY id", one, "/api/v1/gatherings?limit=5",
                gathering -> {
                    assertThat(gathering.get("name").asString()).isEqualTo(run + " " + ROWS / 2);
                    assertThat(gathering.get("attendees").asInt()).isEqualTo(1);
                    assertThat(gathering.get("version").asLong()).isEqualTo(2);
                });
    }

    @Test
    void usersAnswerWhileTheirViewIsRebuilt() {
        List<UserId> ids = new ArrayList<>();
        store(i -> {
            UserId id = new UserId(UUID.randomUUID());
            ids.add(id);
            vault.prepare(id.toString());
            return List.of(event("User", id.toString(), 0, new UserRegistered(id, vault.seal(id.toString(), "Rebuilt " + i),
                    vault.seal(id.toString(), id.value() + "@example.com"))));
        });
        UserId one = ids.get(ROWS / 2);

        rebuildWhileReading("users", "SELECT * FROM user_view ORDER BY id", "/api/v1/users/" + one.value(),
                "/api/v1/users?limit=5", user -> {
                    assertThat(user.get("name").asString()).isEqualTo("Rebuilt " + ROWS / 2);
                    assertThat(user.get("status").asString()).isEqualTo("ACTIVE");
                });
    }

    @Test
    void entityTypesAnswerWhileTheirViewIsRebuilt() {
        String run = uniquePartition();
        JsonNode schema = JsonMapper.shared().valueToTree(Map.of("type", "object"));
        store(i -> List.of(event("EntityType", EntityStreams.type(run + i), 0, new EntityTypeDefined(run + i, 1, schema))));

        rebuildWhileReading("entity-types", "SELECT * FROM entity_type_view ORDER BY type", "/api/v1/types/" + run + ROWS / 2,
                "/api/v1/types", type -> assertThat(type.get("schemaVersion").asInt()).isEqualTo(1));
    }

    @Test
    void aRowBehindItsStreamIsReadFromTheStoreAndLeftAsItWas() {
        JsonNode user = api.post(Role.WRITER, "/api/v1/users",
                Map.of("name", "Behind", "email", uniquePartition() + "@example.com")).json();
        String id = user.get("id").asString();
        Response patched = api.send(api.request(Role.WRITER, "/api/v1/users/" + id).header("If-Match", "\"1\"")
                .header("Content-Type", "application/merge-patch+json").method("PATCH", BodyPublishers.ofString("{\"name\":\"Ahead\"}")));
        assertThat(patched.status()).as(patched::toString).isEqualTo(200);
        jdbc.update("UPDATE user_view SET name = 'Stale', version = 1 WHERE id = ?", UUID.fromString(id));

        JsonNode read = api.get(Role.READER, "/api/v1/users/" + id).json();

        assertThat(read.get("name").asString()).isEqualTo("Ahead");
        assertThat(read.get("version").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT name FROM user_view WHERE id = ?", String.class, UUID.fromString(id)))
                .isEqualTo("Stale");
    }

    private void rebuildWhileReading(String processor, String table, String one, String list,
                                     Consumer<JsonNode> expected) {
        String status = "/api/v1/admin/processors/" + processor;
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(Role.ADMIN, status).json().get("lag").asLong() == 0);
        List<Map<String, Object>> before = jdbc.queryForList(table);

        assertThat(api.post(Role.ADMIN, status + "/replay", Map.of()).status()).isEqualTo(202);
        List<Double> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode progress = api.get(Role.ADMIN, status).json();
            Response single = api.get(Role.ADMIN, one);
            Response page = api.get(Role.ADMIN, list);
            if (!api.get(Role.ADMIN, status).json().get("replaying").asBoolean()) {
                return !progress.get("replaying").asBoolean();
            }
            assertThat(single.status()).as(single::toString).isEqualTo(200);
            expected.accept(single.json());
            assertThat(page.status()).as(page::toString).isEqualTo(503);
            assertThat(page.header("Retry-After")).isEqualTo("5");
            assertThat(page.json().get("type").asString()).isEqualTo("urn:eskit:problem:view-rebuilding");
            seen.add(progress.get("progress").asDouble());
            return false;
        });

        assertThat(seen).as("reads made while the replay ran").isNotEmpty();
        Response single = api.get(Role.ADMIN, one);
        expected.accept(single.json());
        assertThat(api.get(Role.ADMIN, list).status()).isEqualTo(200);
        assertThat(jdbc.queryForList(table)).isEqualTo(before);
    }

    /** Stores {@link #ROWS} aggregates' events straight into the event store: through HTTP it would only be slower. */
    private void store(IntFunction<List<DomainEventMessage<?>>> aggregate) {
        for (int from = 0; from < ROWS; from += 500) {
            int first = from;
            transactions.executeInTransaction(() -> {
                List<DomainEventMessage<?>> batch = new ArrayList<>();
                for (int i = first; i < first + 500; i++) {
                    batch.addAll(aggregate.apply(i));
                }
                eventStore.publish(batch);
            });
        }
    }

    private static DomainEventMessage<?> event(String type, String stream, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, stream, sequence, payload);
    }
}

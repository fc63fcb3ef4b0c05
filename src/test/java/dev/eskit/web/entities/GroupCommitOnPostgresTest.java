package dev.eskit.web.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.PostgresTest;
import dev.eskit.support.Scrape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates sent together are committed in groups, and a group whose insert fails loses no other
 * create: here a trigger refuses the events of some entities, as a key that another instance took
 * first refuses a group's insert. Every other create is acknowledged and readable; each refused one
 * is answered with a problem and stored nowhere.
 */
@PostgresTest
class GroupCommitOnPostgresTest extends EntityApiTest {

    private static final int CLIENTS = 16;
    private static final int ROUNDS = 12;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aGroupWhoseInsertFailsStoresEveryOtherCreateAlone() throws Exception {
        String type = uniquePartition();
        double failedGroupsBefore = failedGroups();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        jdbc.execute("""
                CREATE FUNCTION refuse_poisoned() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.aggregate_identifier LIKE '%poisoned%' THEN RAISE EXCEPTION 'poisoned entity'; END IF;
                  RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER refuse_poisoned BEFORE INSERT ON domain_event_entry FOR EACH ROW EXECUTE FUNCTION refuse_poisoned()");
        try {
            sendTogether(type, statuses);
        } finally {
            jdbc.execute("DROP TRIGGER refuse_poisoned ON domain_event_entry");
            jdbc.execute("DROP FUNCTION refuse_poisoned()");
        }

        assertThat(statuses).hasSize(CLIENTS * ROUNDS);
        statuses.forEach((id, status) -> {
            Response read = api.get(Role.READER, "/api/v1/entities/" + type + "/" + id);
            if (id.startsWith("poisoned")) {
                assertThat(status).as(id).isEqualTo(500);
                assertThat(read.status()).as(id).isEqualTo(404);
            } else {
                assertThat(status).as(id).isEqualTo(201);
                assertThat(read.status()).as(id).isEqualTo(200);
                assertThat(read.json().get("data").get("id").asString()).isEqualTo(id);
            }
        });
        Scrape metrics = Scrape.of(api);
        assertThat(metrics.value("eskit_commands_group_size_max", Map.of()).orElse(0)).as("the most creates in one transaction")
                .isGreaterThan(1);
        assertThat(failedGroups()).as("a group failed on a poisoned create").isGreaterThan(failedGroupsBefore);
    }

    /** Each client creates an entity a round, all starting together; one client in four sends a poisoned one every other round. */
    private void sendTogether(String type, Map<String, Integer> statuses) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        String id = (client % 4 == 0 && round % 2 == 0 ? "poisoned-" : "ok-") + client + "-" + round;
                        statuses.put(id, putCreating("/api/v1/entities/" + type + "/" + id, Map.of("id", id)).status());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> client : clients) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private double failedGroups() {
        return Scrape.of(api).value("eskit_commands_group_failures_total", Map.of()).orElse(0);
    }
}

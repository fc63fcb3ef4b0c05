package dev.eskit.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.Api.Role;
import dev.eskit.support.PostgresSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A tombstone is for ever: after the product (a JVM of its own) stops and starts again on the same
 * database, a tombstoned stream still answers 410 to reads and appends, and a soft-deleted one 404.
 */
class TombstoneAcrossARestartOnPostgresTest {

    private static final String SCHEMA = "eskit_tombstone_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static Instance product;

    @AfterAll
    static void stopEverything() throws InterruptedException {
        try {
            if (product != null) {
                product.close();
            }
        } finally {
            PostgresSchema.drop(SCHEMA);
        }
    }

    @Test
    void aTombstoneOutlivesARestart() throws Exception {
        product = Instance.start("tombstone-restart", SCHEMA, List.of());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(product::ready);
        Map<String, Object> body = Map.of("events", List.of(Map.of("type", "Ledger.Opened", "data", Map.of())));
        assertThat(product.api.post(Role.WRITER, "/api/v1/streams/closed-1/events", body).status()).isEqualTo(201);
        assertThat(product.api.post(Role.WRITER, "/api/v1/streams/emptied-1/events", body).status()).isEqualTo(201);
        assertThat(product.api.delete(Role.WRITER, "/api/v1/streams/closed-1?mode=tombstone").status()).isEqualTo(204);
        assertThat(product.api.delete(Role.WRITER, "/api/v1/streams/emptied-1").status()).isEqualTo(204);

        product.close();
        product = product.startAgain();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(product::ready);

        assertThat(product.api.get(Role.READER, "/api/v1/streams/closed-1/events").status()).isEqualTo(410);
        assertThat(product.api.post(Role.WRITER, "/api/v1/streams/closed-1/events", body).status()).isEqualTo(410);
        assertThat(product.api.get(Role.READER, "/api/v1/streams/emptied-1/events").status()).isEqualTo(404);
        assertThat(product.api.post(Role.WRITER, "/api/v1/streams/emptied-1/events", body).status()).isEqualTo(201);
    }
}

package dev.eskit.web.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.commands.api.entity.MergePatches;
import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 16 clients patch one entity, each at the version it last read: only non-conflicting patches are stored. */
abstract class EntityConcurrencyTests extends EntityApiTest {

    private static final int CLIENTS = 16;
    private static final int ROUNDS = 4;

    @Test
    void storesOnlyNonConflictingPatchesAndTheStateEqualsTheirReplay() throws Exception {
        String path = "/api/v1/entities/" + uniquePartition() + "/shared";
        putCreating(path, Map.of("by", Map.of()));
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    go.await();
                    for (int round = 1; round <= ROUNDS; round++) {
                        long version = api.get(Role.READER, path).json().get("version").asLong();
                        Response response = patch(path, "\"" + version + "\"",
                                Map.of("by", Map.of("c" + client, round), "last", client));
                        if (response.status() == 200) {
                            stored.incrementAndGet();
                        } else {
                            assertThat(response.status()).as(response.toString()).isEqualTo(412);
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode entity = api.get(Role.READER, path).json();
        JsonNode history = api.get(Role.READER, path + "/history").json();
        JsonNode replayed = json("{}");
        for (JsonNode version : history) {
            replayed = MergePatches.apply(replayed, version.get("patch"));
        }
        assertThat(stored.get() + refused.get()).isEqualTo(CLIENTS * ROUNDS);
        assertThat(refused.get()).as("a race with no losers tested nothing").isPositive();
        assertThat(entity.get("version").asLong()).isEqualTo(1L + stored.get());
        assertThat(history).hasSize(1 + stored.get());
        assertThat(entity.get("data")).isEqualTo(replayed);
    }
}

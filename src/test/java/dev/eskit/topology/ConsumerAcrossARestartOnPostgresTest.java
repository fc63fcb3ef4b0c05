package dev.eskit.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.client.CatchUpConsumer;
import dev.eskit.client.EskitClient;
import dev.eskit.client.EskitException;
import dev.eskit.client.EventData;
import dev.eskit.client.ExpectedVersion;
import dev.eskit.client.RecordedEvent;
import dev.eskit.support.PostgresSchema;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CatchUpConsumer} follows the product (a JVM of its own) while it is stopped and started
 * again on the same ports: the consumer resubscribes by itself, and every acknowledged event, before
 * and after the restart, reaches its handler. The time from the product's readiness to the consumer
 * being caught up again, logged, is what docs/clients.md reports.
 */
class ConsumerAcrossARestartOnPostgresTest {

    private static final Logger log = LoggerFactory.getLogger(ConsumerAcrossARestartOnPostgresTest.class);
    private static final String SCHEMA = "eskit_restart_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
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
    void resubscribesByItselfAfterTheProductRestartsAndMissesNothing() throws Exception {
        product = Instance.start("consumer-restart", SCHEMA, List.of());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(product::ready);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        List<RecordedEvent> handled = new CopyOnWriteArrayList<>();
        AtomicLong caughtUpAt = new AtomicLong();
        AtomicInteger caughtUps = new AtomicInteger();
        AtomicReference<Throwable> dropped = new AtomicReference<>();
        try (EskitClient client = EskitClient.builder("localhost", product.grpcPort).plaintext().basic("writer", "writer-test").build()) {
            CatchUpConsumer consumer = client.consumer("across-a-restart").selector("Restart.*")
                    .listener(new CatchUpConsumer.Listener() {
                        @Override
                        public void caughtUp(long head) {
                            caughtUpAt.set(System.nanoTime());
                            caughtUps.incrementAndGet();
                        }

                        @Override
                        public void resubscribing(Throwable cause, Duration delay) {
                            dropped.compareAndSet(null, cause);
                        }
                    })
                    .handler((event, control) -> handled.add(event))
                    .start();
            append(client, acknowledged, "before", 50);
            await().atMost(PATIENCE).until(() -> positions(handled).containsAll(acknowledged));

            product.close();
            product = product.startAgain();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(product::ready);
            long readyAt = System.nanoTime();
            append(client, acknowledged, "after", 50);
            await().atMost(PATIENCE).until(() -> positions(handled).containsAll(acknowledged));
            await().atMost(PATIENCE).until(() -> caughtUps.get() >= 2);

            assertThat(dropped.get()).as("the consumer saw its subscription drop").isNotNull();
            assertThat(consumer.state()).isEqualTo(CatchUpConsumer.State.RUNNING);
            assertThat(positions(handled)).containsAll(acknowledged);
            log.info("the consumer was subscribed again {} ms after the restarted product reported ready (default back-off); "
                    + "the drop: {}", Math.max(0, caughtUpAt.get() - readyAt) / 1_000_000, dropped.get().toString());
            consumer.stop(PATIENCE);
        }
    }

    /** Appends as a careful writer does: with event ids, so that a retry after a transient failure is idempotent. */
    private static void append(EskitClient client, Set<Long> acknowledged, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            EventData event = EventData.of("Restart.Happened", "{\"i\":" + i + "}").withId(prefix + "-" + i);
            String stream = prefix + "-" + i;
            acknowledged.addAll(await().atMost(PATIENCE).ignoreExceptionsMatching(failure -> failure instanceof EskitException eskit
                    && eskit.transientFailure()).until(() -> client.append(stream, ExpectedVersion.any(), List.of(event)), result -> true)
                    .positions());
        }
    }

    private static List<Long> positions(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::position).toList();
    }
}

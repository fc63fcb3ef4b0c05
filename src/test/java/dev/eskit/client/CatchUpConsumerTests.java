package dev.eskit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.client.CatchUpConsumer.PoisonPolicy;
import dev.eskit.client.CatchUpConsumer.Start;
import dev.eskit.client.CatchUpConsumer.State;
import dev.eskit.support.GrpcApiTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

/** {@link CatchUpConsumer} against the product on a real port: order, checkpoints, retries, poison events, stops. */
abstract class CatchUpConsumerTests extends GrpcApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalGrpcServerPort
    private int port;
    @Value("${eskit.security.dev-accounts}")
    private boolean devAccounts;

    private EskitClient client;
    private final List<CatchUpConsumer> started = new ArrayList<>();

    @BeforeEach
    void connectClient() {
        client = EskitClient.builder("localhost", port).plaintext().basic("writer", "writer" + (devAccounts ? "-dev" : "-test")).build();
    }

    @AfterEach
    void stopConsumersAndClient() throws InterruptedException {
        for (CatchUpConsumer consumer : started) {
            consumer.stop(PATIENCE);
        }
        client.close();
    }

    @Test
    void handlesEveryAcknowledgedEventOfEightConcurrentWritersInEachStreamsOrder() throws Exception {
        String partition = uniquePartition();
        List<RecordedEvent> handled = new CopyOnWriteArrayList<>();
        CountDownLatch caughtUp = new CountDownLatch(1);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        start(client.consumer("eight-" + partition).selector(partition + ".*").startFrom(Start.END).meterRegistry(meters)
                .listener(new CatchUpConsumer.Listener() {
                    @Override
                    public void caughtUp(long head) {
                        caughtUp.countDown();
                    }
                })
                .handler((event, control) -> handled.add(event)));
        assertThat(caughtUp.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> writing = IntStream.range(0, 8).<Future<?>>mapToObj(writer -> writers.submit(() -> {
            for (int i = 0; i < 25; i++) {
                acknowledged.addAll(client.append(partition + "-" + writer, ExpectedVersion.any(),
                        List.of(EventData.of(partition + ".Written", "{\"i\":" + i + "}"))).positions());
            }
        })).toList();
        for (Future<?> writer : writing) {
            writer.get();
        }
        writers.shutdown();

        await().atMost(PATIENCE).until(() -> positions(handled).containsAll(acknowledged));
        // across streams the order is the commit order as the subscription met it; a later reader of the
        // log may see two transactions that committed together the other way round
        assertThat(new LinkedHashSet<>(positions(handled))).containsExactlyInAnyOrderElementsOf(logOrder(partition, acknowledged.size()));
        Map<String, Long> lastVersion = new HashMap<>();
        for (RecordedEvent event : handled) {
            Long previous = lastVersion.put(event.streamId(), event.version());
            assertThat(previous == null || previous < event.version()).as("each stream in version order").isTrue();
        }
        assertThat(meters.get("eskit.client.consumer.events").tag("outcome", "handled").counter().count()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void reportsFallingBehindWhenTheLogRunsAheadOfItsHandler() throws Exception {
        String partition = uniquePartition();
        CountDownLatch caughtUp = new CountDownLatch(1);
        CountDownLatch fellBehind = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        AtomicLong reportedLag = new AtomicLong();
        start(client.consumer("behind-" + partition).selector(partition + ".*").startFrom(Start.END)
                .checkpointEvery(1, Duration.ofMinutes(1)).fellBehindAt(5)
                .listener(new CatchUpConsumer.Listener() {
                    @Override
                    public void caughtUp(long head) {
                        caughtUp.countDown();
                    }

                    @Override
                    public void fellBehind(long lag) {
                        reportedLag.set(lag);
                        fellBehind.countDown();
                    }
                })
                // the first event is held until all are written: the checkpoint after it is far behind the head
                .handler((event, control) -> written.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)));
        assertThat(caughtUp.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        append(partition, 20);
        written.countDown();

        assertThat(fellBehind.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(reportedLag.get()).isGreaterThan(5);
    }

    @Test
    void continuesFromItsCheckpointAfterAStopAndAHandlersCleanStop() throws Exception {
        String partition = uniquePartition();
        String name = "again-" + partition;
        List<Long> positions = append(partition, 10);
        List<Long> handled = new CopyOnWriteArrayList<>();
        CatchUpConsumer first = start(client.consumer(name).selector(partition + ".*").handler((event, control) -> {
            handled.add(event.position());
            if (handled.size() == 4) {
                control.stop();
            }
        }));
        assertThat(first.awaitStop(PATIENCE)).isTrue();
        assertThat(first.state()).isEqualTo(State.STOPPED);
        assertThat(handled).containsExactlyElementsOf(positions.subList(0, 4));

        start(client.consumer(name).selector(partition + ".*").handler((event, control) -> handled.add(event.position())));
        await().atMost(PATIENCE).until(() -> handled.size() >= 10);
        assertThat(handled).as("no event twice, none missed").containsExactlyElementsOf(positions);
        started.get(1).stop(PATIENCE);
        assertThat(client.checkpoint(name).orElseThrow().position()).isEqualTo(positions.get(9));
    }

    @Test
    void retriesAHandlerThatThrowsOnce() throws Exception {
        String partition = uniquePartition();
        List<Long> positions = append(partition, 3);
        AtomicInteger attempts = new AtomicInteger();
        List<Long> handled = new CopyOnWriteArrayList<>();
        CatchUpConsumer consumer = start(client.consumer("once-" + partition).selector(partition + ".*")
                .retries(3, Duration.ofMillis(10))
                .handler((event, control) -> {
                    if (event.position() == positions.get(1) && attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("a passing failure");
                    }
                    handled.add(event.position());
                }));
        await().atMost(PATIENCE).until(() -> handled.size() == 3);
        assertThat(handled).containsExactlyElementsOf(positions);
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(consumer.state()).isEqualTo(State.RUNNING);
    }

    @Test
    void stopsAtAPoisonEventWithoutMovingItsCheckpointPastIt() throws Exception {
        String partition = uniquePartition();
        String name = "poison-" + partition;
        List<Long> positions = append(partition, 5);
        CatchUpConsumer consumer = start(client.consumer(name).selector(partition + ".*").retries(2, Duration.ofMillis(10))
                .checkpointEvery(1, Duration.ofMinutes(1))
                .handler((event, control) -> {
                    if (event.position() == positions.get(2)) {
                        throw new IllegalArgumentException("cannot take this one");
                    }
                }));

        assertThat(consumer.awaitStop(PATIENCE)).isTrue();
        assertThat(consumer.state()).isEqualTo(State.FAILED);
        EventHandlingException failure = (EventHandlingException) consumer.failure().orElseThrow();
        assertThat(failure.event().position()).isEqualTo(positions.get(2));
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.getCause()).hasMessage("cannot take this one");
        assertThat(client.checkpoint(name).orElseThrow().position()).isEqualTo(positions.get(1));

        List<Long> handled = new CopyOnWriteArrayList<>();
        start(client.consumer(name).selector(partition + ".*").handler((event, control) -> handled.add(event.position())));
        await().atMost(PATIENCE).until(() -> handled.size() >= 3);
        assertThat(handled).containsExactlyElementsOf(positions.subList(2, 5));
    }

    @Test
    void aFatalStopFromTheHandlerLeavesTheCheckpointBeforeTheEvent() throws Exception {
        String partition = uniquePartition();
        String name = "fatal-" + partition;
        List<Long> positions = append(partition, 4);
        CatchUpConsumer consumer = start(client.consumer(name).selector(partition + ".*").checkpointEvery(1, Duration.ofMinutes(1))
                .handler((event, control) -> {
                    if (event.position() == positions.get(1)) {
                        control.fail(new IllegalStateException("a broken invariant"));
                    }
                }));
        assertThat(consumer.awaitStop(PATIENCE)).isTrue();
        assertThat(consumer.state()).isEqualTo(State.FAILED);
        assertThat(consumer.failure().orElseThrow()).hasRootCauseMessage("a broken invariant");
        assertThat(client.checkpoint(name).orElseThrow().position()).isEqualTo(positions.get(0));
    }

    @Test
    void skipsAPoisonEventWhenTheApplicationChoseTo() throws Exception {
        String partition = uniquePartition();
        List<Long> positions = append(partition, 3);
        List<Long> handled = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CatchUpConsumer consumer = start(client.consumer("skip-" + partition).selector(partition + ".*")
                .retries(1, Duration.ofMillis(10)).onPoison(PoisonPolicy.SKIP).meterRegistry(meters)
                .handler((event, control) -> {
                    if (event.position() == positions.get(0)) {
                        throw new IllegalArgumentException("poison");
                    }
                    handled.add(event.position());
                }));
        await().atMost(PATIENCE).until(() -> handled.size() == 2);
        assertThat(handled).containsExactlyElementsOf(positions.subList(1, 3));
        assertThat(consumer.state()).isEqualTo(State.RUNNING);
        assertThat(meters.get("eskit.client.consumer.events").tag("outcome", "skipped").counter().count()).isEqualTo(1);
    }

    private CatchUpConsumer start(CatchUpConsumer.Builder builder) {
        CatchUpConsumer consumer = builder.start();
        started.add(consumer);
        return consumer;
    }

    /** Appends {@code count} events of the partition, each to a stream of its own, answering their positions. */
    private List<Long> append(String partition, int count) {
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            positions.addAll(client.append(partition + "-" + i, ExpectedVersion.any(),
                    List.of(EventData.of(partition + ".Happened", "{\"i\":" + i + "}"))).positions());
        }
        return positions;
    }

    /** The partition's events as a reader paging the log sees them. */
    private List<Long> logOrder(String partition, int expected) {
        List<Long> order = new ArrayList<>();
        String cursor = null;
        while (order.size() < expected) {
            LogPage page = client.readLog(cursor, 1000, partition + ".*");
            page.events().forEach(event -> order.add(event.position()));
            cursor = page.cursor();
        }
        return order;
    }

    private static List<Long> positions(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::position).toList();
    }
}

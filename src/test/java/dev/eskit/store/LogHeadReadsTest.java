package dev.eskit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How often the head of the log reads the table: once per commit, more only while a read may have left events. */
class LogHeadReadsTest {

    /** Longer than any test: only a commit of this instance or a read's own outcome makes the head read. */
    private static final long NO_POLL_HOURS = 1;

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final AtomicInteger reads = new AtomicInteger();
    private LogHead head;

    @AfterEach
    void closeHead() {
        head.close();
    }

    @Test
    void aFullBatchIsFollowedAtOnceAndAShortOneWaitsForTheNextCommit() throws InterruptedException {
        head = new LogHead(countedReadsOf(2, true), 64, NO_POLL_HOURS, TimeUnit.HOURS);
        joinAndAwaitFirstRead();
        append(0, 5);

        head.fetchNow();

        await().atMost(Duration.ofSeconds(5)).until(() -> head.end() == 5);
        // two full batches, the short third, and the one look after it that finds nothing
        await().atMost(Duration.ofSeconds(2)).until(() -> reads.get() == 1 + 4);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> reads.get() == 1 + 4);
    }

    @Test
    void eventsThatAShortBatchLeftAreReadWithoutWaitingForACommitOrThePoll() throws InterruptedException {
        // each read stops after one event, as a batch stops at the end of its range of positions
        head = new LogHead(countedReadsOf(1, false), 64, NO_POLL_HOURS, TimeUnit.HOURS);
        LogHeadStream reader = joinAndAwaitFirstRead();
        append(0, 3);

        head.fetchNow();

        await().atMost(Duration.ofSeconds(2)).until(() -> head.end() == 3);
        for (int n = 0; n < 3; n++) {
            assertThat(reader.nextAvailable().getPayload()).isEqualTo("e" + n);
        }
    }

    /** A reader at the head, once the head has made its first read (of an empty table). */
    private LogHeadStream joinAndAwaitFirstRead() throws InterruptedException {
        LogHeadStream reader = new LogHeadStream(head, engine, null);
        assertThat(reader.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        await().atMost(Duration.ofSeconds(2)).until(() -> reads.get() == 1);
        return reader;
    }

    /** Reads of at most {@code size} events; {@code fullWhenSize}: a read of that many says more may follow. */
    private Function<TrackingToken, LogHead.Batch> countedReadsOf(int size, boolean fullWhenSize) {
        Function<TrackingToken, LogHead.Batch> batches = LogHead.batchesOf(engine, size);
        return token -> {
            reads.incrementAndGet();
            LogHead.Batch batch = batches.apply(token);
            return new LogHead.Batch(batch.events(), fullWhenSize && batch.full());
        };
    }

    private void append(int from, int to) {
        engine.appendEvents(IntStream.range(from, to).mapToObj(n -> GenericEventMessage.asEventMessage("e" + n)).toList());
    }
}

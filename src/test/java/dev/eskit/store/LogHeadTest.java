package dev.eskit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared head of the log: every reader gets every event once and in order, wherever it stands. */
class LogHeadTest {

    private static final int RING = 4;

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    /** Polls every 20 ms, so that events appended without {@link LogHead#fetchNow} are found too. */
    private final LogHead head = new LogHead(LogHead.batchesOf(engine, RING), RING, 20, TimeUnit.MILLISECONDS);

    @AfterEach
    void closeHead() {
        head.close();
    }

    @Test
    void readersAtTheHeadShareOneReadOfEachNewEvent() throws InterruptedException {
        append(0, 3);
        LogHeadStream first = new LogHeadStream(head, engine, null);
        LogHeadStream second = new LogHeadStream(head, engine, null);
        assertThat(take(first, 3)).containsExactly("e0", "e1", "e2");
        assertThat(take(second, 3)).containsExactly("e0", "e1", "e2");
        assertThat(first.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();

        append(3, 6);
        head.fetchNow();

        assertThat(take(first, 3)).containsExactly("e3", "e4", "e5");
        assertThat(take(second, 3)).containsExactly("e3", "e4", "e5");
        assertThat(head.end()).as("the head read each new event once, for both").isEqualTo(3);
    }

    @Test
    void aReaderThatTheRingLeftBehindReadsOnFromTheTableWithoutLosingOrRepeatingAnEvent() throws InterruptedException {
        LogHeadStream fast = new LogHeadStream(head, engine, null);
        LogHeadStream slow = new LogHeadStream(head, engine, null);
        assertThat(fast.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(slow.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        append(0, 2);
        head.fetchNow();
        assertThat(take(slow, 1)).containsExactly("e0");

        assertThat(take(fast, 2)).containsExactly("e0", "e1");
        for (int from = 2; from < 3 * RING; from += 2) {
            append(from, from + 2);
            head.fetchNow();
            assertThat(take(fast, 2)).as("the fast reader follows the ring").containsExactlyElementsOf(names(from, from + 2));
        }
        assertThat(head.slot(1)).as("the slow reader's next event has left the ring").isSameAs(LogHead.OVERWRITTEN);

        assertThat(take(slow, 3 * RING - 1)).containsExactlyElementsOf(names(1, 3 * RING));
        append(3 * RING, 3 * RING + 1);
        head.fetchNow();
        assertThat(take(slow, 1)).as("and joins the ring again at its end").containsExactly("e" + 3 * RING);
        assertThat(slow.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void findsEventsThatAnotherInstanceCommittedByPolling() throws InterruptedException {
        LogHeadStream reader = new LogHeadStream(head, engine, null);
        assertThat(reader.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();

        append(0, 2);

        await().atMost(Duration.ofSeconds(5)).until(() -> head.end() == 2);
        assertThat(take(reader, 2)).containsExactly("e0", "e1");
    }

    private void append(int from, int to) {
        engine.appendEvents(IntStream.range(from, to).mapToObj(n -> GenericEventMessage.asEventMessage("e" + n)).toList());
    }

    private static List<String> names(int from, int to) {
        return IntStream.range(from, to).mapToObj(n -> "e" + n).toList();
    }

    private static List<Object> take(LogHeadStream stream, int count) throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).as("event %d of %d", n + 1, count).isTrue();
            TrackedEventMessage<?> event = stream.nextAvailable();
            payloads.add(event.getPayload());
        }
        return payloads;
    }
}

package dev.eskit.commands.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;

/** When a stream is snapshotted as it grows: cheap while short, a bounded share of its length once long. */
class GrowingSnapshotIntervalsTest {

    private final List<Long> snapshotsAt = new ArrayList<>();
    private long length;
    private final Snapshotter snapshotter = (type, id) -> snapshotsAt.add(length);

    @Test
    void aShortStreamIsSnapshottedAtTheMinimumInterval() {
        append(new GrowingSnapshotIntervals(snapshotter, 500, 25_000).prepareTrigger(StreamAggregate.class), 2_000);

        assertThat(snapshotsAt).containsExactly(500L, 1_000L, 1_500L, 2_000L);
    }

    @Test
    void aLongStreamIsSnapshottedEveryQuarterOfItsLengthUpToTheMaximum() {
        append(new GrowingSnapshotIntervals(snapshotter, 500, 25_000).prepareTrigger(StreamAggregate.class), 1_000_000);

        long previous = 0;
        long copied = 0;
        for (long at : snapshotsAt) {
            long interval = at - previous;
            assertThat(interval).as("interval ending at %d", at).isBetween(500L, 25_000L).isLessThanOrEqualTo(Math.max(500, at / 4) + 1);
            copied += at;
            previous = at;
        }
        assertThat(1_000_000 - previous).isLessThan(25_000);
        // every snapshot writes the whole stream's ids: at 500 apart that is 1,000,000² / 500 = 10⁹
        assertThat(copied).isLessThan(50_000_000L);
    }

    private void append(SnapshotTrigger trigger, long events) {
        trigger.initializationFinished();
        for (long sequence = 0; sequence < events; sequence++) {
            length = sequence + 1;
            trigger.eventHandled(new GenericDomainEventMessage<>(StreamAggregate.TYPE, "s", sequence, "e"));
        }
    }
}

package dev.eskit.commands.stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Snapshots of a stream at intervals that grow with it: every {@code minimum} events while the
 * stream is short, then every quarter of its length, at most {@code maximum} events apart.
 * <p>
 * A stream's snapshot holds every event id it stored (its idempotent retries), so taking one costs
 * as much as the stream is long. At a fixed interval the snapshots of a stream of n events cost
 * about n² / interval in all (under W2 the snapshotter took 27 % of the product's CPU); at a quarter
 * of the length they cost about 5 n, and a stream loaded cold replays at most a quarter of itself
 * (and never more than {@code maximum} events) after its snapshot.
 */
final class GrowingSnapshotIntervals implements SnapshotTriggerDefinition {

    private final Snapshotter snapshotter;
    private final long minimum;
    private final long maximum;

    GrowingSnapshotIntervals(Snapshotter snapshotter, long minimum, long maximum) {
        this.snapshotter = snapshotter;
        this.minimum = minimum;
        this.maximum = Math.max(minimum, maximum);
    }

    /** How many events after a snapshot the next is taken, for a stream of {@code length} events. */
    static long intervalAt(long length, long minimum, long maximum) {
        return Math.max(minimum, Math.min(maximum, length / 4));
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new Trigger(snapshotter, aggregateType, minimum, maximum);
    }

    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        if (trigger instanceof Trigger own) {
            own.setSnapshotter(snapshotter);
            return own;
        }
        return prepareTrigger(aggregateType);
    }

    /** One stream's count of events since its last snapshot; kept with the stream in the aggregate cache. */
    private static final class Trigger extends AbstractSnapshotTrigger {

        private final long minimum;
        private final long maximum;
        private long length;
        private long sinceSnapshot;

        Trigger(Snapshotter snapshotter, Class<?> aggregateType, long minimum, long maximum) {
            super(snapshotter, aggregateType);
            this.minimum = minimum;
            this.maximum = maximum;
        }

        @Override
        public void eventHandled(EventMessage<?> message) {
            if (message instanceof DomainEventMessage<?> event) {
                length = event.getSequenceNumber() + 1;
            }
            super.eventHandled(message);
        }

        @Override
        protected boolean exceedsThreshold() {
            return ++sinceSnapshot >= intervalAt(length, minimum, maximum);
        }

        @Override
        protected void reset() {
            sinceSnapshot = 0;
        }
    }
}

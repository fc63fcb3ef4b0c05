package dev.eskit.store;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Phase;

/**
 * The event store of the JDBC stores: Axon's for appends and for reading a stream, and for the
 * tracking processors one {@link LogHead} that reads each new event from the table once for all of
 * them, as Axon's EmbeddedEventStore does, without the linked list that made the young collector copy
 * every recent event. A commit of this instance wakes the head at once; others' commits (a second
 * instance on the same database) are found by polling every second.
 */
public final class LogHeadEventStore extends AbstractEventStore implements Lifecycle {

    /** About half a second of W1's peak: processors at the head are a paced batch or two behind it. */
    private static final int HEAD_EVENTS = 2048;
    /** What one read takes from an engine that is not the JDBC one (Axon's batch size). */
    private static final int BATCH_SIZE = 100;
    /** How soon other instances' events are found, as with Axon's default. */
    private static final long POLL_MILLIS = 1000;

    private final LogHead head;

    private LogHeadEventStore(Builder builder) {
        super(builder);
        EventStorageEngine engine = storageEngine();
        this.head = new LogHead(engine instanceof GapSafeJdbcEventStorageEngine gapSafe ? gapSafe::readBatch : LogHead.batchesOf(engine, BATCH_SIZE),
                HEAD_EVENTS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new LogHeadStream(head, storageEngine(), trackingToken);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        head.fetchNow();
    }

    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS - 10, head::close);
    }

    /** Axon's builder of an event store (storage engine, message monitor, span factory). */
    public static final class Builder extends AbstractEventStore.Builder {

        public LogHeadEventStore build() {
            validate();
            return new LogHeadEventStore(this);
        }
    }
}

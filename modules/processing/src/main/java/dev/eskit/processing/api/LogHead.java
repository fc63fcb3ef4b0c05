package dev.eskit.processing.api;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** The position of the newest event in the global log, as the event store's head token says; 0 for an empty log. */
public final class LogHead {

    private LogHead() {
    }

    public static long of(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }
}

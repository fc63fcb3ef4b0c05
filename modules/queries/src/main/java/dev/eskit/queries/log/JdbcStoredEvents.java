package dev.eskit.queries.log;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Straight from the storage engine's table: the embedded store's own event stream is fed by a
 * producer thread that polls, so it may not show a commit of a moment ago.
 */
@Component
@ConditionalOnProperty(name = "eskit.store.reads", havingValue = "jdbc", matchIfMissing = true)
class JdbcStoredEvents implements StoredEvents {

    private final EventStorageEngine storage;

    JdbcStoredEvents(EventStorageEngine storage) {
        this.storage = storage;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> after(TrackingToken position) {
        return storage.readEvents(position, false);
    }
}

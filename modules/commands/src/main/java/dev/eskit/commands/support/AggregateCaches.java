package dev.eskit.commands.support;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The one way aggregates are cached here: bounded, and never serving a copy the store has moved past. */
@Component
public class AggregateCaches {

    private final int size;
    private final ObjectProvider<EventStore> eventStore;

    AggregateCaches(@Value("${eskit.aggregates.cache-size:10000}") int size, ObjectProvider<EventStore> eventStore) {
        this.size = size;
        this.eventStore = eventStore;
    }

    /** A cache for one aggregate type. */
    public Cache create() {
        return new CurrentOnlyCache(new LruCache(size), id -> eventStore.getObject().lastSequenceNumberFor(id));
    }
}

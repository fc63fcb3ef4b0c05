package dev.eskit.processing.api;

import java.util.List;

/**
 * The event processors that keep the read tables. Each one can be replayed, parks the events its
 * handlers fail on in a dead-letter queue, and is waited for after a write so that a client reads
 * its own writes.
 */
public final class Projections {

    public static final String ENTITIES = "entities";
    public static final String ENTITY_TYPES = "entity-types";
    public static final String USERS = "users";
    public static final String GATHERINGS = "gatherings";
    /** The streams, partitions and event types of the log, for listings. */
    public static final String CATALOG = "catalog";

    public static final List<String> ALL = List.of(ENTITIES, ENTITY_TYPES, USERS, GATHERINGS, CATALOG);

    /**
     * Not a read model but an index of every stream event's log position, kept only where the store
     * cannot say it; waited for like a projection, never replayed.
     */
    public static final String STREAM_POSITIONS = "stream-positions";

    private Projections() {
    }
}

package dev.eskit.queries.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads of the entity store: current state from the read table, the past rebuilt from the event store. */
public interface EntityQueries {

    /** The current state; a deleted entity only when {@code includeDeleted}. */
    Optional<Entity> current(String type, String id, boolean includeDeleted);

    /** The state as of version {@code version}. */
    Optional<Entity> atVersion(String type, String id, long version, boolean includeDeleted);

    /** The state at the instant {@code at}: after every event stored at or before it. */
    Optional<Entity> asOf(String type, String id, Instant at, boolean includeDeleted);

    /** Every version, oldest first; empty when the entity never existed. */
    Optional<List<EntityHistoryEntry>> history(String type, String id);

    /** Live entities of a type ordered by id, after {@code cursor} (null: from the first). */
    EntityPage list(String type, int limit, String cursor);

    List<EntityTypeView> types();

    Optional<EntityTypeView> type(String type);
}

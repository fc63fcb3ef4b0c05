package dev.eskit.queries.api;

import java.util.Optional;
import java.util.UUID;

/** Reads of the gatherings view. */
public interface GatheringQueries {

    Optional<Gathering> find(UUID id);

    /** Matching gatherings sorted by start (then id), after {@code cursor} (null: from the first). */
    GatheringPage list(GatheringFilter filter, int limit, String cursor);

    /** The gatherings a user is registered for, sorted by start. */
    GatheringPage attendedBy(UUID userId, int limit, String cursor);
}

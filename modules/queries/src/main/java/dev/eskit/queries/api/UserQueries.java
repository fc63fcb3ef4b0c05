package dev.eskit.queries.api;

import java.util.Optional;
import java.util.UUID;

/** Reads of the users view. */
public interface UserQueries {

    Optional<User> find(UUID id);

    /** Users ordered by id after {@code cursor} (null: from the first), with this email when one is given. */
    UserPage list(String email, int limit, String cursor);
}

package dev.eskit.web.users;

import dev.eskit.web.problem.Problems;
import java.util.UUID;

/** A user id in a path: anything that is not a UUID names no user. */
public final class UserIds {

    private UserIds() {
    }

    public static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("no user " + id);
        }
    }
}

package dev.eskit.queries.api;

import java.util.List;

/** A page of users ordered by id; {@code next} is null on the last page. */
public record UserPage(List<User> items, String next) {
}

package dev.eskit.queries.api;

import java.util.List;

/** A page of live entities of one type, ordered by id; {@code next} is null on the last page. */
public record EntityPage(List<Entity> items, String next) {
}

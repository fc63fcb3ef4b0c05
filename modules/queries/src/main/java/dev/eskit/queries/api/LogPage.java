package dev.eskit.queries.api;

import java.util.List;

/** A page of the global log: the matching entries, where to resume, and the newest position. */
public record LogPage(List<LoggedEvent> entries, String cursor, long head) {
}

package dev.eskit.queries.api;

import java.time.Instant;

/** A named reader's saved place in the log, and how far behind the head it is. */
public record Consumer(String name, String cursor, long position, long lag, Instant updatedAt) {
}

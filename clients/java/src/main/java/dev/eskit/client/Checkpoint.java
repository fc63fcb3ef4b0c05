package dev.eskit.client;

import java.time.Instant;

/** A consumer's saved place in the log and how far behind the head it is. */
public record Checkpoint(String name, String cursor, long position, long lag, Instant updatedAt) {
}

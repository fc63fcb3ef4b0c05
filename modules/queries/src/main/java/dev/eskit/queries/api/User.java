package dev.eskit.queries.api;

import java.time.Instant;
import java.util.UUID;

/** A user as the users view shows it; name and email read "[erased]" after erasure. */
public record User(UUID id, String name, String email, String status, long version, Instant registeredAt) {
}

package dev.eskit.queries.api;

import java.time.Instant;

/** Which gatherings to list; every null criterion matches all. {@code name} matches a part, ignoring case. */
public record GatheringFilter(String kind, String country, Instant from, Instant to, String name) {
}

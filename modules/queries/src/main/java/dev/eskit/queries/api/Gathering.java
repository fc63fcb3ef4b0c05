package dev.eskit.queries.api;

import dev.eskit.commands.api.gathering.Venue;
import java.time.Instant;
import java.util.UUID;

/** A gathering as the materialized view shows it, with the number of registered attendees. */
public record Gathering(UUID id, String kind, String name, Venue venue, Instant startsAt, Instant endsAt, int capacity,
                        int attendees, String status, long version) {
}

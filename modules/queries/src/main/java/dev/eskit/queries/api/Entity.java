package dev.eskit.queries.api;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** An entity's document at one version. */
public record Entity(String type, String id, long version, JsonNode data, Instant createdAt, Instant updatedAt,
                     boolean deleted) {
}

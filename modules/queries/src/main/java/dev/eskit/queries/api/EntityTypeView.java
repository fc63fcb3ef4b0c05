package dev.eskit.queries.api;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** An entity type with its current JSON Schema and that schema's version. */
public record EntityTypeView(String type, int schemaVersion, JsonNode schema, Instant createdAt, Instant updatedAt) {
}

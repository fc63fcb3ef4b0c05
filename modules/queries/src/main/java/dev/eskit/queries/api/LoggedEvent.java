package dev.eskit.queries.api;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One stored event as every reader sees it: in a stream, in the log, on SSE. */
public record LoggedEvent(String id, String streamId, String type, long version, long position,
                          Instant timestamp, JsonNode data, JsonNode metadata) {
}

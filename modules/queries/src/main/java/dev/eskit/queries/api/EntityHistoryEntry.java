package dev.eskit.queries.api;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One version of an entity: what happened, when, by whom, the stored patch and the field changes it made. */
public record EntityHistoryEntry(long version, String event, Instant timestamp, String actor, JsonNode patch,
                                 List<Change> changes) {

    /** One field's change, addressed by a JSON Pointer; {@code from} or {@code to} is null when absent. */
    public record Change(String path, JsonNode from, JsonNode to) {
    }
}

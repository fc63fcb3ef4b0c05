package dev.eskit.queries.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One stored event as every reader sees it: in a stream, in the log, on SSE. {@code personalFields}
 * are the JSON Pointers into {@code data} of the personal values shown in it (plaintext or erased),
 * for a reader who may not see them; the API's JSON does not carry them.
 */
public record LoggedEvent(String id, String streamId, String type, long version, long position,
                          Instant timestamp, JsonNode data, JsonNode metadata,
                          @JsonIgnore List<String> personalFields) {

    public LoggedEvent {
        personalFields = List.copyOf(personalFields);
    }
}

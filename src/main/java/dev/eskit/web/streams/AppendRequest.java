package dev.eskit.web.streams;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The body of an append: what the writer expects, and the events, stored atomically. */
public record AppendRequest(
        @Schema(description = "a version number, \"no_stream\", \"stream_exists\" or \"any\" (the default)", example = "3",
                oneOf = {Long.class, String.class})
        JsonNode expectedVersion,
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid EventRequest> events) {

    /** One event to store. */
    public record EventRequest(
            @Schema(description = "the client's id for the event; resending the same ids makes a retry idempotent",
                    example = "5f0c6a9e-1c7b-4d0f-9a1e-6f1f2b0d9c11")
            @Size(min = 1, max = 128) String id,
            @Schema(description = "<Partition>.<Action>", example = "Project.Renamed") @NotNull String type,
            @Schema(description = "the event's data, any JSON", example = "{\"name\":\"x\"}") @NotNull JsonNode data,
            @Schema(description = "optional JSON object stored beside the data", example = "{\"source\":\"import\"}")
            JsonNode metadata) {
    }
}

package dev.eskit.web.streams;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import tools.jackson.databind.JsonNode;

/** A stream's new metadata, at the metadata's expected version (its own versions, not the stream's). */
public record StreamMetadataRequest(
        @Schema(description = "the metadata's version, \"no_stream\" before its first, or \"any\" (the default)", example = "1",
                oneOf = {Long.class, String.class})
        JsonNode expectedVersion,
        @Schema(description = "seconds: reads hide events stored longer ago", example = "86400") @Min(1) Long maxAge,
        @Schema(description = "reads show only the newest this many events", example = "1000") @Min(1) Long maxCount,
        @Schema(description = "reads hide the events below this version", example = "42") @Min(1) Long truncateBefore,
        @Schema(description = "the writer's own keys, a JSON object kept as given", example = "{\"owner\":\"billing\"}")
        JsonNode custom) {
}

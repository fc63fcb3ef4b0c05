package dev.eskit.web.streams;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The body of a multi-stream append: appends to several streams and checks on others, all in one commit. */
public record MultiAppendRequest(
        @NotEmpty @Size(max = 100) List<@NotNull @Valid StreamAppend> appends,
        @Schema(description = "streams that are not written but must be at their expected version")
        @Size(max = 100) List<@NotNull @Valid Check> checks) {

    public MultiAppendRequest {
        checks = checks == null ? List.of() : checks;
    }

    /** The events for one stream, as in a single append. */
    public record StreamAppend(
            @Schema(example = "order-17") @NotNull String streamId,
            @Schema(description = "a version number, \"no_stream\", \"stream_exists\" or \"any\" (the default)", example = "3",
                    oneOf = {Long.class, String.class})
            JsonNode expectedVersion,
            @NotEmpty @Size(max = 1000) List<AppendRequest.@NotNull @Valid EventRequest> events) {
    }

    /** A stream that must be at a version for the appends to be stored. */
    public record Check(
            @Schema(example = "customer-4") @NotNull String streamId,
            @Schema(description = "a version number, \"no_stream\", \"stream_exists\" or \"any\"", example = "12",
                    oneOf = {Long.class, String.class})
            @NotNull JsonNode expectedVersion) {
    }
}

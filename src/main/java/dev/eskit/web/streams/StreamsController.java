package dev.eskit.web.streams;

import dev.eskit.commands.api.AppendToStream;
import dev.eskit.queries.api.StreamEvents;
import dev.eskit.queries.api.StreamReader;
import dev.eskit.queries.api.StreamSummary;
import dev.eskit.web.ApiPaths;
import dev.eskit.web.ETags;
import dev.eskit.web.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.V1 + "/streams")
@Tag(name = "Streams", description = "The raw event store: append with optimistic concurrency, read a stream")
class StreamsController {

    private final StreamAppends appends;
    private final StreamReader streams;

    StreamsController(StreamAppends appends, StreamReader streams) {
        this.appends = appends;
        this.streams = streams;
    }

    @PostMapping(path = "/{streamId}/events", consumes = "application/json")
    @Operation(summary = "Append events to a stream",
            description = "All events of one request are stored atomically, with consecutive versions. "
                    + "expectedVersion is a number (the stream must be at exactly that version), \"no_stream\", "
                    + "\"stream_exists\" (it must have events) or \"any\". Resending a request whose events all carry ids answers 200 with the original "
                    + "result and stores nothing. Streams written by users, gatherings or entities are read-only here.")
    @ApiResponse(responseCode = "201", description = "stored")
    @ApiResponse(responseCode = "200", description = "an identical earlier request had stored these events; nothing new was stored")
    @ApiResponse(responseCode = "409", description = "the stream is not at the expected version (see currentVersion), "
            + "an event id was used before with other content, the stream belongs to another partition or module")
    ResponseEntity<AppendResponse> append(@PathVariable String streamId, @Valid @RequestBody AppendRequest request) {
        AppendToStream command = AppendCommands.from(StreamIds.require(streamId), request, UUID::randomUUID);
        StreamAppends.Appended appended = appends.append(command);
        AppendResponse body = appended.response();
        URI location = URI.create(ApiPaths.V1 + "/streams/" + streamId + "/events?fromVersion=" + body.fromVersion()
                + "&toVersion=" + body.toVersion());
        return ResponseEntity.status(appended.retried() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(location)
                .eTag(ETags.of(body.toVersion()))
                .body(body);
    }

    @GetMapping("/{streamId}/events")
    @Operation(summary = "Read a stream's events",
            description = "forward (the default): oldest first, from fromVersion (default 1) up to toVersion. backward: "
                    + "newest first, from fromVersion (default: the last) down to toVersion. Both ends are inclusive.")
    @ApiResponse(responseCode = "200", description = "the events")
    @ApiResponse(responseCode = "404", description = "no such stream")
    ResponseEntity<StreamEvents> events(@PathVariable String streamId,
                                        @Parameter(description = "first version to return") @RequestParam(required = false) @Min(1) Long fromVersion,
                                        @Parameter(description = "last version to return") @RequestParam(required = false) @Min(1) Long toVersion,
                                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                        @Parameter(description = "forward or backward") @RequestParam(defaultValue = "forward") String direction) {
        StreamIds.require(streamId);
        StreamEvents events = (switch (direction) {
            case "forward" -> forwards(streamId, fromVersion == null ? 1 : fromVersion, toVersion, limit);
            case "backward" -> backwards(streamId, fromVersion == null ? 0 : fromVersion, toVersion, limit);
            default -> throw Problems.invalidField("direction", "must be forward or backward");
        }).orElseThrow(() -> StreamIds.unknown(streamId));
        return ResponseEntity.ok().eTag(ETags.of(events.version())).body(events);
    }

    private Optional<StreamEvents> forwards(String streamId, long fromVersion, Long toVersion, int limit) {
        long to = toVersion == null ? Long.MAX_VALUE : toVersion;
        if (to < fromVersion) {
            throw Problems.invalidField("toVersion", "must not be below fromVersion when reading forward");
        }
        return streams.events(streamId, fromVersion, to, limit);
    }

    private Optional<StreamEvents> backwards(String streamId, long fromVersion, Long toVersion, int limit) {
        long to = toVersion == null ? 1 : toVersion;
        if (fromVersion != 0 && to > fromVersion) {
            throw Problems.invalidField("toVersion", "must not be above fromVersion when reading backward");
        }
        return streams.backwards(streamId, fromVersion, to, limit);
    }

    @GetMapping("/{streamId}")
    @Operation(summary = "Describe a stream", description = "Its partition, version and when it was created and last changed.")
    @ApiResponse(responseCode = "200", description = "the stream")
    @ApiResponse(responseCode = "404", description = "no such stream")
    ResponseEntity<StreamSummary> stream(@PathVariable String streamId) {
        StreamIds.require(streamId);
        StreamSummary summary = streams.summary(streamId).orElseThrow(() -> StreamIds.unknown(streamId));
        return ResponseEntity.ok().eTag(ETags.of(summary.version())).body(summary);
    }
}

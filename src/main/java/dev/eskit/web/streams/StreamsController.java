package dev.eskit.web.streams;

import dev.eskit.commands.api.AppendToStream;
import dev.eskit.commands.api.DeleteStream;
import dev.eskit.commands.api.StreamId;
import dev.eskit.queries.api.StreamEvents;
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
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
    private final StreamReads streams;

    StreamsController(StreamAppends appends, StreamReads streams) {
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
                    + "newest first, from fromVersion (default: the last) down to toVersion. Both ends are inclusive. Only the "
                    + "events after the stream's latest deletion are shown.")
    @ApiResponse(responseCode = "200", description = "the events")
    @ApiResponse(responseCode = "404", description = "no such stream, or it was deleted and shows no event since")
    @ApiResponse(responseCode = "410", description = "the stream was deleted with a tombstone")
    ResponseEntity<StreamEvents> events(@PathVariable String streamId,
                                        @Parameter(description = "first version to return") @RequestParam(required = false) @Min(1) Long fromVersion,
                                        @Parameter(description = "last version to return") @RequestParam(required = false) @Min(1) Long toVersion,
                                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                        @Parameter(description = "forward or backward") @RequestParam(defaultValue = "forward") String direction) {
        StreamIds.require(streamId);
        StreamEvents events = switch (direction) {
            case "forward" -> forwards(streamId, fromVersion == null ? 1 : fromVersion, toVersion, limit);
            case "backward" -> backwards(streamId, fromVersion == null ? 0 : fromVersion, toVersion, limit);
            default -> throw Problems.invalidField("direction", "must be forward or backward");
        };
        return ResponseEntity.ok().eTag(ETags.of(events.version())).body(events);
    }

    private StreamEvents forwards(String streamId, long fromVersion, Long toVersion, int limit) {
        long to = toVersion == null ? Long.MAX_VALUE : toVersion;
        if (to < fromVersion) {
            throw Problems.invalidField("toVersion", "must not be below fromVersion when reading forward");
        }
        return streams.forwards(streamId, fromVersion, to, limit);
    }

    private StreamEvents backwards(String streamId, long fromVersion, Long toVersion, int limit) {
        long to = toVersion == null ? 1 : toVersion;
        if (fromVersion != 0 && to > fromVersion) {
            throw Problems.invalidField("toVersion", "must not be above fromVersion when reading backward");
        }
        return streams.backwards(streamId, fromVersion, to, limit);
    }

    @DeleteMapping("/{streamId}")
    @Operation(summary = "Delete a stream",
            description = "soft (the default): reads answer 404 and a later append continues the numbering (no_stream then "
                    + "holds again). tombstone: reads and appends answer 410 for ever. Either way the deletion is an event of the "
                    + "stream's partition in the global log (<Partition>.StreamDeleted or <Partition>.StreamTombstoned), and "
                    + "takes a version. Streams written by users, gatherings or entities keep their own rules (409).")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such stream, or it shows no event since its last deletion")
    @ApiResponse(responseCode = "409", description = "the stream is not at the expected version (see currentVersion), or it belongs to another module")
    @ApiResponse(responseCode = "410", description = "the stream was deleted with a tombstone already")
    ResponseEntity<Void> delete(@PathVariable String streamId,
                                @Parameter(description = "a version number or any (the default)") @RequestParam(defaultValue = "any") String expectedVersion,
                                @Parameter(description = "soft or tombstone") @RequestParam(defaultValue = "soft") String mode) {
        StreamIds.require(streamId);
        appends.delete(new DeleteStream(new StreamId(streamId), StreamDeletions.expectedVersion(expectedVersion), StreamDeletions.isTombstone(mode)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{streamId}")
    @Operation(summary = "Describe a stream", description = "Its partition, version and when it was created and last changed.")
    @ApiResponse(responseCode = "200", description = "the stream")
    @ApiResponse(responseCode = "404", description = "no such stream, or it was deleted and shows no event since")
    @ApiResponse(responseCode = "410", description = "the stream was deleted with a tombstone")
    ResponseEntity<StreamSummary> stream(@PathVariable String streamId) {
        StreamIds.require(streamId);
        StreamSummary summary = streams.summary(streamId);
        return ResponseEntity.ok().eTag(ETags.of(summary.version())).body(summary);
    }
}

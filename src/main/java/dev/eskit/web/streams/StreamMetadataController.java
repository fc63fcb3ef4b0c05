package dev.eskit.web.streams;

import dev.eskit.commands.api.ExpectedVersion;
import dev.eskit.commands.api.SetStreamMetadata;
import dev.eskit.commands.api.StreamMetadata;
import dev.eskit.queries.api.StreamLifecycles.Lifecycle;
import dev.eskit.web.ApiPaths;
import dev.eskit.web.ETags;
import dev.eskit.web.problem.Problems;
import dev.eskit.web.problem.Problems.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A stream's metadata: retention limits that reads apply at once, and the writer's own keys. */
@RestController
@Tag(name = "Streams")
class StreamMetadataController {

    private final CommandGateway commands;
    private final StreamReads streams;

    StreamMetadataController(CommandGateway commands, StreamReads streams) {
        this.commands = commands;
        this.streams = streams;
    }

    @PutMapping(path = ApiPaths.V1 + "/streams/{streamId}/metadata", consumes = "application/json")
    @Operation(summary = "Set a stream's metadata",
            description = "Replaces the metadata, if it is at expectedVersion (its own versions, not the stream's). Reads hide at "
                    + "once what it retires: events stored more than maxAge seconds ago, all but the newest maxCount, those below "
                    + "version truncateBefore. custom keeps the writer's own keys. The change is an event (StreamMetadata.Set).")
    @ApiResponse(responseCode = "200", description = "the metadata at its new version")
    @ApiResponse(responseCode = "409", description = "the metadata is not at the expected version (see currentVersion)")
    @ApiResponse(responseCode = "410", description = "the stream was deleted with a tombstone")
    ResponseEntity<StreamMetadataView> set(@PathVariable String streamId, @Valid @RequestBody StreamMetadataRequest request) {
        StreamIds.require(streamId);
        List<FieldProblem> problems = new ArrayList<>();
        ExpectedVersion expected = AppendCommands.expectedVersion(request.expectedVersion(), "expectedVersion", problems);
        if (request.custom() != null && !request.custom().isObject() && !request.custom().isNull()) {
            problems.add(new FieldProblem("custom", "must be a JSON object"));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalidFields(problems);
        }
        streams.lifecycle(streamId);
        JsonNode custom = request.custom() == null || request.custom().isNull() ? null : request.custom();
        long version = commands.sendAndWait(new SetStreamMetadata(streamId, expected,
                new StreamMetadata(request.maxAge(), request.maxCount(), request.truncateBefore(), custom)));
        return ResponseEntity.ok().eTag(ETags.of(version))
                .body(new StreamMetadataView(streamId, version, request.maxAge(), request.maxCount(), request.truncateBefore(), custom));
    }

    @GetMapping(ApiPaths.V1 + "/streams/{streamId}/metadata")
    @Operation(summary = "Read a stream's metadata")
    @ApiResponse(responseCode = "200", description = "the metadata and its version")
    @ApiResponse(responseCode = "404", description = "the stream has no metadata")
    @ApiResponse(responseCode = "410", description = "the stream was deleted with a tombstone")
    ResponseEntity<StreamMetadataView> get(@PathVariable String streamId) {
        StreamIds.require(streamId);
        Lifecycle lifecycle = streams.lifecycle(streamId);
        if (lifecycle.metadataVersion() == 0) {
            throw Problems.notFound("stream " + streamId + " has no metadata");
        }
        return ResponseEntity.ok().eTag(ETags.of(lifecycle.metadataVersion())).body(new StreamMetadataView(streamId,
                lifecycle.metadataVersion(), lifecycle.maxAgeSeconds(), lifecycle.maxCount(), lifecycle.truncateBefore(), lifecycle.custom()));
    }
}

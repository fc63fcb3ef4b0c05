package dev.eskit.web.streams;

import dev.eskit.web.ApiPaths;
import dev.eskit.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A stream's metadata: retention limits that reads apply at once, and the writer's own keys. */
@RestController
@Tag(name = "Streams")
class StreamMetadataController {

    private final StreamMetadatas metadatas;

    StreamMetadataController(StreamMetadatas metadatas) {
        this.metadatas = metadatas;
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
        StreamMetadataView metadata = metadatas.set(streamId, request);
        return ResponseEntity.ok().eTag(ETags.of(metadata.version())).body(metadata);
    }

    @GetMapping(ApiPaths.V1 + "/streams/{streamId}/metadata")
    @Operation(summary = "Read a stream's metadata")
    @ApiResponse(responseCode = "200", description = "the metadata and its version")
    @ApiResponse(responseCode = "404", description = "the stream has no metadata")
    @ApiResponse(responseCode = "410", description = "the stream was deleted with a tombstone")
    ResponseEntity<StreamMetadataView> get(@PathVariable String streamId) {
        StreamMetadataView metadata = metadatas.get(streamId);
        return ResponseEntity.ok().eTag(ETags.of(metadata.version())).body(metadata);
    }
}

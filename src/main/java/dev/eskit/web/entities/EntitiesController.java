package dev.eskit.web.entities;

import dev.eskit.queries.api.Entity;
import dev.eskit.queries.api.EntityHistoryEntry;
import dev.eskit.queries.api.EntityPage;
import dev.eskit.web.ApiPaths;
import dev.eskit.web.ETags;
import dev.eskit.web.Preconditions;
import dev.eskit.web.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(ApiPaths.V1 + "/entities")
@Tag(name = "Entities", description = "JSON documents whose every change is an event: history, time travel, soft delete")
class EntitiesController {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final EntityOperations entities;

    EntitiesController(EntityOperations entities) {
        this.entities = entities;
    }

    @PostMapping(path = "/{type}", consumes = "application/json")
    @Operation(summary = "Create an entity with a generated id", description = "Stored as <Type>.Created with the whole document.")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "422", description = "the document breaks the type's JSON Schema; errors lists every violation")
    ResponseEntity<Entity> create(@PathVariable String type, @RequestBody JsonNode document) {
        return created(entities.createNew(type, document));
    }

    @PutMapping(path = "/{type}/{id}", consumes = "application/json")
    @Operation(summary = "Create with a chosen id, or replace the whole document",
            description = "With If-None-Match: * the entity is created (409 if it exists). With If-Match: \"<version>\" "
                    + "the document is replaced; the stored <Type>.Updated event holds only the merge patch from that version.")
    @ApiResponse(responseCode = "200", description = "replaced (or unchanged: an identical document stores nothing)")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "404", description = "no such entity, or it is deleted")
    @ApiResponse(responseCode = "409", description = "If-None-Match: * and the entity exists")
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the current one")
    @ApiResponse(responseCode = "422", description = "the document breaks the type's JSON Schema")
    @ApiResponse(responseCode = "428", description = "neither If-Match nor If-None-Match: * was sent")
    ResponseEntity<Entity> put(@PathVariable String type, @PathVariable String id,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                               @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
                               @RequestBody JsonNode document) {
        EntityNames.type(type);
        EntityNames.id(id);
        if (ifNoneMatch != null) {
            if (!ifNoneMatch.trim().equals("*") || ifMatch != null) {
                throw Problems.invalidField("If-None-Match", "only * is supported, and not together with If-Match");
            }
            return created(entities.create(type, id, document));
        }
        return ok(entities.replace(type, id, entities.versionFor(type, id, Preconditions.required(ifMatch)), document));
    }

    @PatchMapping(path = "/{type}/{id}", consumes = MERGE_PATCH)
    @Operation(summary = "Change an entity with an RFC 7396 JSON Merge Patch",
            description = "null removes a member, objects merge, anything else (arrays too) replaces. A patch that "
                    + "changes nothing stores nothing and returns the current entity.")
    @ApiResponse(responseCode = "200", description = "the entity after the patch")
    @ApiResponse(responseCode = "404", description = "no such entity, or it is deleted")
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the current one")
    @ApiResponse(responseCode = "422", description = "the patched document breaks the type's JSON Schema")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    ResponseEntity<Entity> patch(@PathVariable String type, @PathVariable String id,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                 @RequestBody JsonNode patch) {
        EntityNames.type(type);
        EntityNames.id(id);
        return ok(entities.patch(type, id, entities.versionFor(type, id, Preconditions.required(ifMatch)), patch));
    }

    @DeleteMapping("/{type}/{id}")
    @Operation(summary = "Delete an entity", description = "A soft delete: the history stays, and ?deleted=true still shows its last state.")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such entity, or already deleted")
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the current one")
    ResponseEntity<Void> delete(@PathVariable String type, @PathVariable String id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        EntityNames.type(type);
        EntityNames.id(id);
        entities.delete(type, id, ifMatch == null ? null : Preconditions.version(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{type}/{id}")
    @Operation(summary = "Read an entity, now or in the past",
            description = "version: the state as of that version. asOf: the state at that instant (ISO-8601). "
                    + "deleted=true also returns a deleted entity with its last state.")
    @ApiResponse(responseCode = "200", description = "the entity")
    @ApiResponse(responseCode = "404", description = "unknown, deleted (without deleted=true), not yet existing at asOf, or version above the latest")
    ResponseEntity<Entity> get(@PathVariable String type, @PathVariable String id,
                               @Parameter(description = "a version, 1 or more") @RequestParam(required = false) @Min(1) Long version,
                               @Parameter(description = "an ISO-8601 instant, e.g. 2026-11-22T10:15:30.123Z")
                               @RequestParam(required = false) String asOf,
                               @RequestParam(defaultValue = "false") boolean deleted) {
        Entity found = entities.get(type, id, version, asOf == null ? null : instant(asOf), deleted);
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(found);
    }

    @GetMapping("/{type}/{id}/history")
    @Operation(summary = "An entity's history", description = "Every version: the event, when, by whom, the stored patch and the field changes.")
    @ApiResponse(responseCode = "200", description = "oldest first")
    @ApiResponse(responseCode = "404", description = "the entity never existed")
    List<EntityHistoryEntry> history(@PathVariable String type, @PathVariable String id) {
        return entities.history(type, id);
    }

    @GetMapping("/{type}")
    @Operation(summary = "List the live entities of a type",
            description = "Ordered by id; pass next as cursor for the following page. Every live entity appears exactly once across pages.")
    EntityPage list(@PathVariable String type,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit,
                    @RequestParam(required = false) String cursor) {
        return entities.list(type, limit, cursor);
    }

    private static ResponseEntity<Entity> created(Entity entity) {
        return ResponseEntity.created(URI.create(ApiPaths.V1 + "/entities/" + entity.type() + "/" + entity.id()))
                .eTag(ETags.of(entity.version())).body(entity);
    }

    private static ResponseEntity<Entity> ok(Entity entity) {
        return ResponseEntity.ok().eTag(ETags.of(entity.version())).body(entity);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("asOf", "must be an ISO-8601 instant such as 2026-11-22T10:15:30.123Z");
        }
    }
}

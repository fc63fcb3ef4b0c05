package dev.eskit.web.entities;

import dev.eskit.queries.api.EntityTypeView;
import dev.eskit.web.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(ApiPaths.V1 + "/types")
@Tag(name = "Entity types", description = "A JSON Schema (2020-12) per entity type; every change gets a new schemaVersion")
class TypesController {

    private final EntityOperations entities;

    TypesController(EntityOperations entities) {
        this.entities = entities;
    }

    /** The body of a schema definition. */
    record SchemaRequest(@Schema(description = "a JSON Schema 2020-12", example = "{\"type\":\"object\",\"required\":[\"name\"]}")
                         @NotNull JsonNode schema) {
    }

    @PutMapping(path = "/{type}", consumes = "application/json")
    @Operation(summary = "Set a type's JSON Schema",
            description = "From then on every create, replace and patch result of the type is validated (422 with the "
                    + "violations). An identical schema changes nothing; any other gets the next schemaVersion.")
    @ApiResponse(responseCode = "201", description = "the type's first schema")
    @ApiResponse(responseCode = "200", description = "the schema was changed, or was already this one")
    ResponseEntity<EntityTypeView> define(@PathVariable String type, @Valid @RequestBody SchemaRequest request) {
        EntityOperations.DefinedType defined = entities.define(type, request.schema());
        return ResponseEntity.status(defined.created() ? HttpStatus.CREATED : HttpStatus.OK).body(defined.view());
    }

    @GetMapping
    @Operation(summary = "List the types that have a schema")
    List<EntityTypeView> all() {
        return entities.types();
    }

    @GetMapping("/{type}")
    @Operation(summary = "Read a type's current schema")
    @ApiResponse(responseCode = "200", description = "the type and its schema")
    @ApiResponse(responseCode = "404", description = "the type has no schema")
    EntityTypeView one(@PathVariable String type) {
        return entities.type(type);
    }
}

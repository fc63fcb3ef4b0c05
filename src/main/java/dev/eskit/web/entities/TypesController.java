package dev.eskit.web.entities;

import dev.eskit.commands.api.entity.EntityCommands.DefineEntityType;
import dev.eskit.commands.api.entity.EntityCommands.TypeDefinition;
import dev.eskit.queries.api.EntityQueries;
import dev.eskit.queries.api.EntityTypeView;
import dev.eskit.queries.api.Projections;
import dev.eskit.web.ApiPaths;
import dev.eskit.web.ReadYourWrites;
import dev.eskit.web.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

    private final CommandGateway commands;
    private final EntityQueries entities;
    private final ReadYourWrites readYourWrites;

    TypesController(CommandGateway commands, EntityQueries entities, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.entities = entities;
        this.readYourWrites = readYourWrites;
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
        DefineEntityType command = new DefineEntityType(EntityNames.type(type), request.schema());
        TypeDefinition definition = commands.sendAndWait(command);
        readYourWrites.awaitLatest(Projections.ENTITY_TYPES, command.streamId());
        EntityTypeView view = entities.type(type).orElseThrow();
        return ResponseEntity.status(definition.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
    }

    @GetMapping
    @Operation(summary = "List the types that have a schema")
    List<EntityTypeView> all() {
        readYourWrites.awaitCompleteView(Projections.ENTITY_TYPES);
        return entities.types();
    }

    @GetMapping("/{type}")
    @Operation(summary = "Read a type's current schema")
    @ApiResponse(responseCode = "200", description = "the type and its schema")
    @ApiResponse(responseCode = "404", description = "the type has no schema")
    EntityTypeView one(@PathVariable String type) {
        return entities.type(EntityNames.type(type))
                .orElseThrow(() -> Problems.notFound("type " + type + " has no schema"));
    }
}

package dev.eskit.web.entities;

import dev.eskit.commands.api.entity.EntityCommands.CreateEntity;
import dev.eskit.commands.api.entity.EntityCommands.CreateNewEntity;
import dev.eskit.commands.api.entity.EntityCommands.DefineEntityType;
import dev.eskit.commands.api.entity.EntityCommands.DeleteEntity;
import dev.eskit.commands.api.entity.EntityCommands.EntityChange;
import dev.eskit.commands.api.entity.EntityCommands.EntityCommand;
import dev.eskit.commands.api.entity.EntityCommands.PatchEntity;
import dev.eskit.commands.api.entity.EntityCommands.ReplaceEntity;
import dev.eskit.commands.api.entity.EntityCommands.TypeDefinition;
import dev.eskit.commands.api.entity.EntityId;
import dev.eskit.commands.api.entity.EntityStreams;
import dev.eskit.processing.api.EventProcessors;
import dev.eskit.processing.api.Projections;
import dev.eskit.queries.api.Entity;
import dev.eskit.queries.api.EntityHistoryEntry;
import dev.eskit.queries.api.EntityPage;
import dev.eskit.queries.api.EntityQueries;
import dev.eskit.queries.api.EntityTypeView;
import dev.eskit.queries.api.StreamReader;
import dev.eskit.web.ReadYourWrites;
import dev.eskit.web.problem.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;

/**
 * The entity store as every API offers it: names checked, commands sent, answers taken from the
 * command's result or the freshest read. The HTTP and gRPC adapters only translate.
 */
@Component
public class EntityOperations {

    private final CommandGateway commands;
    private final EntityQueries entities;
    private final ReadYourWrites readYourWrites;
    private final EventProcessors processors;
    private final StreamReader streams;

    EntityOperations(CommandGateway commands, EntityQueries entities, ReadYourWrites readYourWrites,
                     EventProcessors processors, StreamReader streams) {
        this.commands = commands;
        this.entities = entities;
        this.readYourWrites = readYourWrites;
        this.processors = processors;
        this.streams = streams;
    }

    /** Creates an entity under the id its client chose. */
    public Entity create(String type, String id, JsonNode document) {
        EntityNames.type(type);
        EntityNames.id(id);
        return entity(type, id, send(new CreateEntity(new EntityId(type, id), requireObject(document))));
    }

    /** Creates an entity under an id drawn here, a random UUID. */
    public Entity createNew(String type, JsonNode document) {
        EntityNames.type(type);
        String id = UUID.randomUUID().toString();
        return entity(type, id, send(new CreateNewEntity(new EntityId(type, id), requireObject(document))));
    }

    /** The version an {@code If-Match} names; for {@code *} (null), whatever version the entity is at now. */
    public long versionFor(String type, String id, Long ifMatch) {
        return ifMatch != null ? ifMatch : streams.version(EntityStreams.entity(EntityNames.type(type), EntityNames.id(id)));
    }

    /** Replaces the document that is at {@code version}. */
    public Entity replace(String type, String id, long version, JsonNode document) {
        EntityNames.type(type);
        EntityNames.id(id);
        return entity(type, id, send(new ReplaceEntity(new EntityId(type, id), version, requireObject(document))));
    }

    /** Applies a JSON Merge Patch to the document that is at {@code version}. */
    public Entity patch(String type, String id, long version, JsonNode patch) {
        EntityNames.type(type);
        EntityNames.id(id);
        return entity(type, id, send(new PatchEntity(new EntityId(type, id), version, requireObject(patch))));
    }

    /** Deletes the entity; at {@code version} when it is not null. */
    public void delete(String type, String id, Long version) {
        EntityNames.type(type);
        EntityNames.id(id);
        send(new DeleteEntity(new EntityId(type, id), version));
    }

    /** Now, as of {@code version}, or at {@code asOf} (at most one of them). */
    public Entity get(String type, String id, Long version, Instant asOf, boolean includeDeleted) {
        EntityNames.type(type);
        EntityNames.id(id);
        if (version != null && asOf != null) {
            throw Problems.invalidField("asOf", "give either version or asOf, not both");
        }
        Optional<Entity> entity = version != null ? entities.atVersion(type, id, version, includeDeleted)
                : asOf != null ? entities.asOf(type, id, asOf, includeDeleted)
                : current(type, id, includeDeleted);
        return entity.orElseThrow(() -> unknown(type, id));
    }

    public List<EntityHistoryEntry> history(String type, String id) {
        return entities.history(EntityNames.type(type), EntityNames.id(id)).orElseThrow(() -> unknown(type, id));
    }

    public EntityPage list(String type, int limit, String cursor) {
        EntityNames.type(type);
        readYourWrites.awaitCompleteView(Projections.ENTITIES);
        return entities.list(type, limit, cursor);
    }

    /** Sets a type's schema; the answer shows it with its schema version. */
    public DefinedType define(String type, JsonNode schema) {
        DefineEntityType command = new DefineEntityType(EntityNames.type(type), schema);
        TypeDefinition definition = commands.sendAndWait(command);
        readYourWrites.awaitLatest(Projections.ENTITY_TYPES, command.streamId());
        return new DefinedType(entities.type(type).orElseThrow(), definition.created());
    }

    public List<EntityTypeView> types() {
        readYourWrites.awaitCompleteView(Projections.ENTITY_TYPES);
        return entities.types();
    }

    public EntityTypeView type(String type) {
        return entities.type(EntityNames.type(type))
                .orElseThrow(() -> Problems.notFound("type " + type + " has no schema"));
    }

    /** A type's schema after a definition; {@code created} when it was the type's first. */
    public record DefinedType(EntityTypeView view, boolean created) {
    }

    private EntityChange send(EntityCommand command) {
        return commands.sendAndWait(command);
    }

    /** The entity as the command left it: the aggregate knows it, so no view is read or waited for. */
    private static Entity entity(String type, String id, EntityChange change) {
        return new Entity(type, id, change.version(), change.document(), change.createdAt(), change.updatedAt(), false);
    }

    /**
     * From the view when it shows the stream's latest version; otherwise (just written and not
     * projected yet, or the view is being rebuilt) from the event store, where it is always whole.
     */
    private Optional<Entity> current(String type, String id, boolean includeDeleted) {
        long latest = streams.version(EntityStreams.entity(type, id));
        if (latest == 0) {
            return Optional.empty();
        }
        if (!processors.replaying(Projections.ENTITIES)) {
            Optional<Entity> viewed = entities.current(type, id, true);
            if (viewed.isPresent() && viewed.get().version() == latest) {
                return viewed.filter(entity -> includeDeleted || !entity.deleted());
            }
        }
        return entities.atVersion(type, id, latest, includeDeleted);
    }

    private static JsonNode requireObject(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw Problems.invalidField("body", "must be a JSON object");
        }
        return document;
    }

    private static ErrorResponseException unknown(String type, String id) {
        return Problems.notFound(type + " " + id + " does not exist");
    }
}

package dev.eskit.commands.api.entity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import tools.jackson.databind.JsonNode;

/** The commands of the entity store; each targets the entity's stream. */
public final class EntityCommands {

    private EntityCommands() {
    }

    /** A command on one entity; each answers with an {@link EntityChange}. */
    public sealed interface EntityCommand permits CreateEntity, CreateNewEntity, ReplaceEntity, PatchEntity, DeleteEntity {
        EntityId entity();
    }

    /** Creates an entity under an id its client chose; refused if its stream exists. */
    public record CreateEntity(@TargetAggregateIdentifier EntityId entity, JsonNode document) implements EntityCommand {
    }

    /**
     * Creates an entity under an id the store has just drawn at random (a UUID), which no stream can
     * have yet: nothing is read before the event is stored. Should it exist after all, the store
     * refuses the event at its version 1, as it refuses any write that loses a race.
     */
    public record CreateNewEntity(@TargetAggregateIdentifier EntityId entity, JsonNode document) implements EntityCommand {
    }

    /** Replaces the whole document if the entity is at {@code expectedVersion} (null: any). */
    public record ReplaceEntity(@TargetAggregateIdentifier EntityId entity, Long expectedVersion, JsonNode document) implements EntityCommand {
    }

    /** Applies an RFC 7396 merge patch if the entity is at {@code expectedVersion} (null: any). */
    public record PatchEntity(@TargetAggregateIdentifier EntityId entity, Long expectedVersion, JsonNode patch) implements EntityCommand {
    }

    /** Deletes the entity if it is at {@code expectedVersion} (null: any). */
    public record DeleteEntity(@TargetAggregateIdentifier EntityId entity, Long expectedVersion) implements EntityCommand {
    }

    /** Gives a type a JSON Schema (2020-12); an identical schema changes nothing. */
    public record DefineEntityType(String type, JsonNode schema) {

        @TargetAggregateIdentifier
        public String streamId() {
            return EntityStreams.type(type);
        }
    }

    /**
     * An entity after a command, as the aggregate knows it, so that the answer needs no read of a
     * view: {@code changed} is false when the command stored nothing.
     */
    public record EntityChange(long version, JsonNode document, boolean changed, Instant createdAt, Instant updatedAt) {
    }

    /** A type after a definition: {@code created} is true for its first schema. */
    public record TypeDefinition(String type, int schemaVersion, boolean created, boolean changed) {
    }
}

package dev.eskit.commands.api.entity;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An entity as its events leave it, folded one way everywhere: by the aggregate that decides on it,
 * by the entities projection that keeps its row, and by the reads of a past version. Each step
 * after the first takes its event's stream version, which is the entity's version after it.
 */
public record EntityState(JsonNode document, long version, Instant createdAt, Instant updatedAt, boolean deleted) {

    /** After {@link EntityCreated}: the document as created, at version 1. */
    public static EntityState created(JsonNode document, Instant at) {
        return new EntityState(document, 1, at, at, false);
    }

    /** After {@link EntityUpdated}: its merge patch applied. */
    public EntityState updated(JsonNode patch, long version, Instant at) {
        return new EntityState(MergePatches.apply(document, patch), version, createdAt, at, deleted);
    }

    /** After {@link EntityDeleted}: the document kept, marked deleted. */
    public EntityState deleted(long version, Instant at) {
        return new EntityState(document, version, createdAt, at, true);
    }
}

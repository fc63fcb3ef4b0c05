package dev.eskit.commands.api.entity;

import java.util.Objects;

/** An entity's id in a command: its type and its id within the type; its string form is the entity's stream. */
public record EntityId(String type, String id) {

    public EntityId {
        Objects.requireNonNull(type, "an entity's type");
        Objects.requireNonNull(id, "an entity's id");
    }

    @Override
    public String toString() {
        return EntityStreams.entity(type, id);
    }
}

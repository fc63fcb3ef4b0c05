package dev.eskit.commands.api.entity;

import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;

/** An entity came to be with this whole document. */
@Revision("1")
public record EntityCreated(String type, String entityId, JsonNode document) implements EntityEvent {

    /** The second half of its public type, {@code <Type>.Created}. */
    public static final String ACTION = "Created";

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Object eventData() {
        return document;
    }
}

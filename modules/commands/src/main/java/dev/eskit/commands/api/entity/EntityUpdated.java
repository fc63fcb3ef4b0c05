package dev.eskit.commands.api.entity;

import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;

/** An entity changed: the RFC 7396 merge patch from its previous document to its new one. */
@Revision("1")
public record EntityUpdated(String type, String entityId, JsonNode patch) implements EntityEvent {

    /** The second half of its public type, {@code <Type>.Updated}. */
    public static final String ACTION = "Updated";

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Object eventData() {
        return patch;
    }
}

package dev.eskit.commands.api.entity;

import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;

/** An entity changed: the RFC 7396 merge patch from its previous document to its new one. */
@Revision("1")
public record EntityUpdated(String type, String entityId, JsonNode patch) implements EntityEvent {

    @Override
    public String action() {
        return "Updated";
    }

    @Override
    public Object eventData() {
        return patch;
    }
}

package dev.eskit.commands.api.entity;

import dev.eskit.commands.api.NamedEvent;
import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;

/** A type got a new JSON Schema; in the log it is {@code EntityType.Defined}. */
@Revision("1")
public record EntityTypeDefined(String type, int schemaVersion, JsonNode schema) implements NamedEvent {

    @Override
    public String eventType() {
        return "EntityType.Defined";
    }

}

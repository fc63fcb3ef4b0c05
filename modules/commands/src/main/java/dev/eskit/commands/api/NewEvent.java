package dev.eskit.commands.api;

import tools.jackson.databind.JsonNode;

/** One event a client asks to store; the caller chooses an id when the client sent none. */
public record NewEvent(String id, String type, JsonNode data, JsonNode metadata) {

    /** The partition of an event type is the part before its last dot. */
    public String partition() {
        return EventTypes.partitionOf(type);
    }
}

package dev.eskit.commands.api;

import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;

/** A client's event, stored as it was given, in a raw stream. */
@Revision("1")
public record StreamEventAppended(String streamId, String eventId, String type, JsonNode data, JsonNode metadata)
        implements NamedEvent {

    @Override
    public String eventType() {
        return type;
    }

    @Override
    public Object eventData() {
        return data;
    }
}

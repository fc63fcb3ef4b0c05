package dev.eskit.commands.api.entity;

import java.util.Map;
import org.axonframework.serialization.Revision;

/** An entity was deleted; its history stays. */
@Revision("1")
public record EntityDeleted(String type, String entityId) implements EntityEvent {

    @Override
    public String action() {
        return "Deleted";
    }

    @Override
    public Object eventData() {
        return Map.of();
    }
}

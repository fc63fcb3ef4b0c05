package dev.eskit.commands.api.entity;

import java.util.Map;
import org.axonframework.serialization.Revision;

/** An entity was deleted; its history stays. */
@Revision("1")
public record EntityDeleted(String type, String entityId) implements EntityEvent {

    /** The second half of its public type, {@code <Type>.Deleted}. */
    public static final String ACTION = "Deleted";

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Object eventData() {
        return Map.of();
    }
}

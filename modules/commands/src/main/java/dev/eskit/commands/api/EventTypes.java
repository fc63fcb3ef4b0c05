package dev.eskit.commands.api;

import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/** Event type names are {@code <Partition>.<Action>}; the partition is the part before the last dot. */
public final class EventTypes {

    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+");
    public static final int MAX_LENGTH = 200;

    private EventTypes() {
    }

    public static boolean isValid(String type) {
        return type != null && type.length() <= MAX_LENGTH && TYPE.matcher(type).matches();
    }

    /** The part before the last dot; a name without one (no valid type) is all partition. */
    public static String partitionOf(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    public static String actionOf(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** Types the store writes itself (a stream's deletion, its metadata), which no client event may take. */
    public static boolean isReserved(String type) {
        String action = actionOf(type);
        return action.equals(StreamDeleted.SOFT_ACTION) || action.equals(StreamDeleted.TOMBSTONE_ACTION)
                || partitionOf(type).equals(StreamMetadataSet.PARTITION);
    }

    /**
     * A stored event's public type: a raw stream event's own, a named event's constant, and for any
     * other event its aggregate and its class.
     */
    public static String of(EventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof StreamEventAppended raw) {
            return raw.type();
        }
        if (payload instanceof NamedEvent named) {
            return named.eventType();
        }
        String partition = message instanceof DomainEventMessage<?> domain && domain.getType() != null
                ? domain.getType() : "Event";
        return partition + "." + message.getPayloadType().getSimpleName();
    }
}

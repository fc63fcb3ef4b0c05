package dev.eskit.commands.api;

/** An event that names itself for the log: {@code <Partition>.<Action>} and the data readers see. */
public interface NamedEvent {

    String eventType();

    /** What readers see as the event's data; by default the event itself. */
    default Object eventData() {
        return this;
    }
}

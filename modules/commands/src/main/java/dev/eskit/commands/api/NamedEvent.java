package dev.eskit.commands.api;

/** An event that names itself for the log: {@code <Partition>.<Action>} and the data readers see. */
public interface NamedEvent {

    String eventType();

    Object eventData();
}

package dev.eskit.commands.api;

import org.axonframework.serialization.Revision;

/**
 * A raw stream was deleted: its events up to this one are hidden from reads, and with a tombstone the
 * stream is closed for ever. An event of the stream's own partition, so that it reaches the stream's
 * consumers and Kafka topic in order with the stream's other events.
 */
@Revision("1")
public record StreamDeleted(String streamId, String partition, boolean tombstone) implements NamedEvent {

    public static final String SOFT_ACTION = "StreamDeleted";
    public static final String TOMBSTONE_ACTION = "StreamTombstoned";

    @Override
    public String eventType() {
        return partition + "." + (tombstone ? TOMBSTONE_ACTION : SOFT_ACTION);
    }
}

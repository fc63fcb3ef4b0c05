package dev.eskit.commands.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Deletes a raw stream if it is at the expected version. Soft: its events are hidden and a later
 * append continues the numbering. A tombstone: the stream refuses every read and append for ever.
 */
public record DeleteStream(@TargetAggregateIdentifier StreamId streamId, ExpectedVersion expectedVersion, boolean tombstone) {
}

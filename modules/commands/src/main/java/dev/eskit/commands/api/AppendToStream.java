package dev.eskit.commands.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Appends events to a raw stream, atomically, if the stream is at the expected version. */
public record AppendToStream(@TargetAggregateIdentifier StreamId streamId,
                             ExpectedVersion expectedVersion,
                             List<NewEvent> events) {
    public AppendToStream {
        events = List.copyOf(events);
    }
}

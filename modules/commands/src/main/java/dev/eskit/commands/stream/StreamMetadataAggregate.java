package dev.eskit.commands.stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.SetStreamMetadata;
import dev.eskit.commands.api.StreamMetadata;
import dev.eskit.commands.api.StreamMetadataSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A stream's metadata, versioned on its own (as EventStoreDB keeps it in a stream of its own), so
 * that changing it never moves the version the stream's writers expect.
 */
@Aggregate(type = "StreamMetadata")
class StreamMetadataAggregate {

    @AggregateIdentifier
    private String metadataStreamId;
    private long version;

    StreamMetadataAggregate() {
        // Axon creates the aggregate empty and sources it from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(SetStreamMetadata command) {
        if (!command.expectedVersion().isMetBy(version)) {
            throw CommandRejectedException.of(Reason.WRONG_EXPECTED_VERSION, "the metadata of stream "
                    + command.streamId() + " is at version " + version + ", expected " + command.expectedVersion(), version);
        }
        apply(new StreamMetadataSet(command.streamId().value(), version + 1, command.metadata()));
        return version;
    }

    @EventSourcingHandler
    void on(StreamMetadataSet event) {
        metadataStreamId = StreamMetadata.streamOf(event.streamId());
        version = event.version();
    }
}

package dev.eskit.commands.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces a stream's metadata if its metadata is at the expected version (the metadata's own
 * versions, 1..n: "no_stream" for a stream that has none yet). Answers the metadata's new version.
 */
public record SetStreamMetadata(StreamId streamId, ExpectedVersion expectedVersion, StreamMetadata metadata) {

    @TargetAggregateIdentifier
    public String metadataStreamId() {
        return StreamMetadata.streamOf(streamId.value());
    }
}

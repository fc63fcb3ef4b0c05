package dev.eskit.commands.api;

import org.axonframework.serialization.Revision;

/** A stream's metadata at its new version; an event of the partition {@value #PARTITION}. */
@Revision("1")
public record StreamMetadataSet(String streamId, long version, StreamMetadata metadata) implements NamedEvent {

    public static final String PARTITION = "StreamMetadata";

    @Override
    public String eventType() {
        return PARTITION + ".Set";
    }
}

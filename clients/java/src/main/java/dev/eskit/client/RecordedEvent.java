package dev.eskit.client;

import java.time.Instant;

/** A stored event: its place in its stream and in the global log, its data and metadata as JSON text. */
public record RecordedEvent(String id, String streamId, String type, long version, long position, Instant timestamp,
                            String data, String metadata) {

    /** The part of the type before its last dot. */
    public String partition() {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? "" : type.substring(0, dot);
    }
}

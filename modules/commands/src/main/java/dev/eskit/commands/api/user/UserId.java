package dev.eskit.commands.api.user;

import java.util.UUID;

/** A user's id; its string form is the user's stream in the event store. */
public record UserId(UUID value) {

    public static final String STREAM_PREFIX = "user:";

    public static UserId fromStream(String streamId) {
        return new UserId(UUID.fromString(streamId.substring(STREAM_PREFIX.length())));
    }

    @Override
    public String toString() {
        return STREAM_PREFIX + value;
    }
}

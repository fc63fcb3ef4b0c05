package dev.eskit.commands.api;

import java.util.Objects;

/** A raw stream's id in a command; its string form is the stream's id in the event store. */
public record StreamId(String value) {

    public StreamId {
        Objects.requireNonNull(value, "a stream's id");
    }

    @Override
    public String toString() {
        return value;
    }
}

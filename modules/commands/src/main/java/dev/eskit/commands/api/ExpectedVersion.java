package dev.eskit.commands.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a writer expects a stream's version to be before its append. Commands cross a serializer on
 * Axon Server, so the variant travels by name beside its fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ExpectedVersion.Any.class, name = "any"),
        @JsonSubTypes.Type(value = ExpectedVersion.NoStream.class, name = "no_stream"),
        @JsonSubTypes.Type(value = ExpectedVersion.StreamExists.class, name = "stream_exists"),
        @JsonSubTypes.Type(value = ExpectedVersion.Exactly.class, name = "exactly")})
public sealed interface ExpectedVersion {

    /** Whether a stream currently at {@code version} (0 when it has no events) meets this expectation. */
    boolean isMetBy(long version);

    /** Appends whatever the stream's version is. */
    record Any() implements ExpectedVersion {
        @Override
        public boolean isMetBy(long version) {
            return true;
        }

        @Override
        public String toString() {
            return "any";
        }
    }

    /** Appends only to a stream that has no events yet. */
    record NoStream() implements ExpectedVersion {
        @Override
        public boolean isMetBy(long version) {
            return version == 0;
        }

        @Override
        public String toString() {
            return "no_stream";
        }
    }

    /** Appends only to a stream that has events already, at whatever version. */
    record StreamExists() implements ExpectedVersion {
        @Override
        public boolean isMetBy(long version) {
            return version > 0;
        }

        @Override
        public String toString() {
            return "stream_exists";
        }
    }

    /** Appends only to a stream exactly at this version. */
    record Exactly(long version) implements ExpectedVersion {
        public Exactly {
            if (version < 0) {
                throw new IllegalArgumentException("a version is never negative");
            }
        }

        @Override
        public boolean isMetBy(long actual) {
            return actual == version;
        }

        @Override
        public String toString() {
            return Long.toString(version);
        }
    }
}

package dev.eskit.client;

/** What a writer expects of a stream before it appends. */
public sealed interface ExpectedVersion {

    /** Append whatever the stream's version. */
    static ExpectedVersion any() {
        return Any.INSTANCE;
    }

    /** The stream must have no events. */
    static ExpectedVersion noStream() {
        return NoStream.INSTANCE;
    }

    /** The stream must have events, at any version. */
    static ExpectedVersion streamExists() {
        return StreamExists.INSTANCE;
    }

    /** The stream must be at exactly this version (0: no events). */
    static ExpectedVersion exactly(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("a version is 0 or more");
        }
        return new Exactly(version);
    }

    enum Any implements ExpectedVersion { INSTANCE }

    enum NoStream implements ExpectedVersion { INSTANCE }

    enum StreamExists implements ExpectedVersion { INSTANCE }

    record Exactly(long version) implements ExpectedVersion {
    }
}

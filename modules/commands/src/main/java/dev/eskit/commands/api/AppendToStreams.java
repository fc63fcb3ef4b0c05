package dev.eskit.commands.api;

import java.util.List;

/**
 * Appends to several streams in one commit, all or nothing: each append with its own expected
 * version, and {@code checks} on streams it does not write. A stream appears once in all of it.
 */
public record AppendToStreams(List<AppendToStream> appends, List<StreamCheck> checks) {

    public AppendToStreams {
        appends = List.copyOf(appends);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** A stream the append only reads: it must be at the expected version when the others are written. */
    public record StreamCheck(StreamId streamId, ExpectedVersion expectedVersion) {
    }
}

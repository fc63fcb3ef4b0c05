package dev.eskit.commands.api;

/**
 * A stream's versions count its events from 1, as clients see them; Axon numbers an aggregate's
 * events from 0 (its sequence numbers). Every conversion between the two is one of these.
 */
public final class StreamVersions {

    private StreamVersions() {
    }

    /** The version of the event that Axon stores at {@code sequenceNumber}. */
    public static long ofSequence(long sequenceNumber) {
        return sequenceNumber + 1;
    }

    /** The sequence number under which Axon stores the event of {@code version}. */
    public static long toSequence(long version) {
        return version - 1;
    }
}

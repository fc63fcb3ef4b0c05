package dev.eskit.commands.api;

/**
 * Why an aggregate refused a command. Travels as the details of a {@link CommandRejectedException},
 * so that it survives a distributed command bus too.
 */
public record Rejection(Reason reason, String detail, Long currentVersion) {

    /** The kinds of refusal that clients can tell apart. */
    public enum Reason {
        WRONG_EXPECTED_VERSION,
        DUPLICATE_EVENT_ID,
        STREAM_OWNED_ELSEWHERE,
        PARTITION_MISMATCH
    }
}

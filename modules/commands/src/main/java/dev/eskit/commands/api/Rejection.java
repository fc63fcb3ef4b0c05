package dev.eskit.commands.api;

import java.util.List;

/**
 * Why an aggregate refused a command. Travels as the details of a {@link CommandRejectedException},
 * so that it survives a distributed command bus too.
 */
public record Rejection(Reason reason, String detail, Long currentVersion, List<Violation> violations) {

    public Rejection {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public Rejection(Reason reason, String detail, Long currentVersion) {
        this(reason, detail, currentVersion, List.of());
    }

    /** One way a document breaks its type's schema: where, and what is wrong. */
    public record Violation(String field, String message) {
    }

    /** The kinds of refusal that clients can tell apart. */
    public enum Reason {
        WRONG_EXPECTED_VERSION,
        DUPLICATE_EVENT_ID,
        STREAM_OWNED_ELSEWHERE,
        PARTITION_MISMATCH,
        /** the client's version is not the current one (HTTP 412) */
        STALE_VERSION,
        /** the entity's id is taken */
        ALREADY_EXISTS,
        /** an active user has this email */
        EMAIL_TAKEN,
        /** the user was deactivated or erased and accepts no changes */
        USER_INACTIVE,
        /** the command contradicts itself or a fixed rule, e.g. an end before the start (HTTP 400) */
        INVALID_REQUEST,
        /** a cancelled gathering accepts no changes */
        GATHERING_CANCELLED,
        /** every place of the gathering is taken */
        GATHERING_FULL,
        /** the user is registered already */
        ALREADY_REGISTERED,
        /** the capacity would fall below the number of attendees */
        CAPACITY_BELOW_ATTENDEES,
        /** the entity does not exist or is deleted */
        NOT_FOUND,
        /** the resulting document breaks its type's JSON Schema (HTTP 422) */
        SCHEMA_VIOLATION,
        /** the schema itself is not a valid JSON Schema */
        INVALID_SCHEMA
    }
}

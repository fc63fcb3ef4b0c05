package dev.eskit.commands.api;

import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.HandlerExecutionException;

/**
 * Why a command stored nothing: an aggregate's refusal, or a failure around it that the caller must
 * tell apart (a lost race, an unknown aggregate, an unreachable store). Travels as the details of a
 * {@link org.axonframework.commandhandling.CommandExecutionException}, the one part of a failure
 * that Axon Server carries back to the sender typed.
 */
public record Rejection(Reason reason, String detail, Long currentVersion, List<Violation> violations,
                        List<UnmetExpectation> unmetExpectations) {

    public Rejection {
        violations = violations == null ? List.of() : List.copyOf(violations);
        unmetExpectations = unmetExpectations == null ? List.of() : List.copyOf(unmetExpectations);
    }

    public Rejection(Reason reason, String detail, Long currentVersion, List<Violation> violations) {
        this(reason, detail, currentVersion, violations, List.of());
    }

    public Rejection(Reason reason, String detail, Long currentVersion) {
        this(reason, detail, currentVersion, List.of());
    }

    /** The rejection a command failed with, wherever it was handled; empty for any other failure. */
    public static Optional<Rejection> of(Throwable failure) {
        return HandlerExecutionException.resolveDetails(failure)
                .filter(Rejection.class::isInstance)
                .map(Rejection.class::cast);
    }

    /** Whether {@code failure} is a rejection for {@code reason}. */
    public static boolean is(Throwable failure, Reason reason) {
        return of(failure).map(rejection -> rejection.reason() == reason).orElse(false);
    }

    /** One way a document breaks its type's schema: where, and what is wrong. */
    public record Violation(String field, String message) {
    }

    /** A stream of a multi-stream append that was not at the version its writer expected. */
    public record UnmetExpectation(String streamId, ExpectedVersion expectedVersion, long currentVersion) {
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
        /** the stream was deleted with a tombstone and refuses every read and append (HTTP 410) */
        STREAM_TOMBSTONED,
        /** the resulting document breaks its type's JSON Schema (HTTP 422) */
        SCHEMA_VIOLATION,
        /** the schema itself is not a valid JSON Schema */
        INVALID_SCHEMA,
        /** another writer stored the aggregate's next version first; nothing was stored, and the command may run again */
        CONCURRENT_WRITE,
        /** the database or Axon Server could not be reached while handling the command (HTTP 503) */
        STORE_UNAVAILABLE
    }
}

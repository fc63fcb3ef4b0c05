package dev.eskit.client;

import io.grpc.Status;

/**
 * A call the server refused or could not answer. {@code reason} is the server's reason (its problem
 * slug in capitals, e.g. {@code NOT_FOUND}, {@code INVALID_REQUEST}), empty when the call never
 * reached it; {@link #transientFailure()} says whether the same call may succeed later.
 */
public class EskitException extends RuntimeException {

    private final Status.Code code;
    private final String reason;

    public EskitException(Status.Code code, String reason, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.reason = reason;
    }

    public Status.Code code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** The server was out of reach or the store unavailable: retrying (with the same event ids) is safe. */
    public boolean transientFailure() {
        return Failures.isTransient(code);
    }
}

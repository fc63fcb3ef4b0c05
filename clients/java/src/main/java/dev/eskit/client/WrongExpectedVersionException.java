package dev.eskit.client;

import io.grpc.Status;

/** The stream was not at the expected version; nothing was stored. */
public class WrongExpectedVersionException extends EskitException {

    private final long currentVersion;

    public WrongExpectedVersionException(String message, long currentVersion, Throwable cause) {
        super(Status.Code.ABORTED, "WRONG_EXPECTED_VERSION", message, cause);
        this.currentVersion = currentVersion;
    }

    /** The stream's version when the append was refused (0: it has no events). */
    public long currentVersion() {
        return currentVersion;
    }
}

package dev.eskit.processing.api;

/** The replay cannot start: the processor is no projection, or it is replaying already. */
public class ReplayRefusedException extends RuntimeException {

    public ReplayRefusedException(String message) {
        super(message);
    }
}

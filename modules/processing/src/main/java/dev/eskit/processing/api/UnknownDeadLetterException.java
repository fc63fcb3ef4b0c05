package dev.eskit.processing.api;

/** No dead letter has that id; it may have been retried successfully or deleted. */
public class UnknownDeadLetterException extends RuntimeException {

    public UnknownDeadLetterException(String id) {
        super("there is no dead letter " + id);
    }
}

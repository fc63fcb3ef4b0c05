package dev.eskit.queries.api;

/** A cursor that this store did not hand out. */
public class InvalidCursorException extends IllegalArgumentException {
    public InvalidCursorException(String message) {
        super(message);
    }
}

package dev.eskit.queries.api;

/** A selector that is not a comma list of {@code *}, {@code P.*}, {@code *.A} or {@code P.A}. */
public class InvalidSelectorException extends IllegalArgumentException {
    public InvalidSelectorException(String message) {
        super(message);
    }
}

package dev.eskit.processing.api;

/** No event processor has that name. */
public class UnknownProcessorException extends RuntimeException {

    public UnknownProcessorException(String name) {
        super("there is no event processor named " + name);
    }
}

package dev.eskit.client;

/** The handler failed on an event, and the consumer stopped there: the checkpoint stays before the event. */
public class EventHandlingException extends RuntimeException {

    private final transient RecordedEvent event;
    private final int attempts;

    public EventHandlingException(RecordedEvent event, int attempts, Throwable cause) {
        super("handling " + event.type() + " at position " + event.position() + " of stream " + event.streamId()
                + " failed after " + attempts + " attempt(s): " + cause, cause);
        this.event = event;
        this.attempts = attempts;
    }

    public RecordedEvent event() {
        return event;
    }

    public int attempts() {
        return attempts;
    }
}

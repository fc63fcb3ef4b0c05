package dev.eskit.queries.log;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The events stored after a token up to the moment of the call, read so that a read right after a
 * write sees it. The caller closes the stream.
 */
interface StoredEvents {

    Stream<? extends TrackedEventMessage<?>> after(TrackingToken position);
}

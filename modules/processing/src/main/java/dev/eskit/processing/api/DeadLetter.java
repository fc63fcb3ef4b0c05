package dev.eskit.processing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A parked event: {@code processor} is the projection that failed on it, {@code sequence} the stream
 * whose later events wait behind it, {@code index} its place in that sequence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(String id, String processor, String sequence, long index, String eventId, String eventType,
                         String streamId, Long version, String causeType, String causeMessage,
                         Instant enqueuedAt, Instant lastTouched) {
}

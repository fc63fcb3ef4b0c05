package dev.eskit.processing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A replay and how it went: {@code state} is running or completed; {@code events} is the head of the
 * log when it started, all of which it has to handle, and {@code eventsPerSecond} its speed once done.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayRun(String state, Instant startedAt, Instant finishedAt, long events, Double eventsPerSecond) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
}

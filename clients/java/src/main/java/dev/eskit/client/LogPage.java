package dev.eskit.client;

import java.util.List;

/** A page of the global log, the cursor to resume after it, and the newest position. */
public record LogPage(List<RecordedEvent> events, String cursor, long head) {
}

package dev.eskit.queries.api;

/** An event together with the cursor that resumes right after it. */
public record LogEntry(LoggedEvent event, String cursor) {
}

package dev.eskit.console;

import dev.eskit.queries.api.LoggedEvent;
import dev.eskit.queries.api.Selector;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What the log explorer and the live tail look for. The selector is the log's own; the time range,
 * the stream prefix and the request id are matched on the server as the log is read.
 */
record LogFilter(Selector selector, Instant from, Instant until, String streamPrefix, String requestId) {

    static LogFilter of(String selector, String from, String until, String streamPrefix, String requestId) {
        return new LogFilter(Selector.parse(selector), instant("from", from), instant("until", until),
                blankToNull(streamPrefix), blankToNull(requestId));
    }

    boolean matches(LoggedEvent event) {
        return (streamPrefix == null || event.streamId() != null && event.streamId().startsWith(streamPrefix))
                && (requestId == null || requestId.equals(event.metadata().path("requestId").asString(null)));
    }

    boolean pastTheRange(LoggedEvent event) {
        return until != null && event.timestamp().isAfter(until);
    }

    /** An instant as ISO-8601 ({@code 2026-12-06T07:00:00Z}) or as a browser's local date-time field, read as UTC. */
    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.endsWith("Z") || text.contains("+") ? Instant.parse(text)
                    : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not a date and time such as 2026-12-06T07:00:00Z");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

package dev.eskit.web.log;

import dev.eskit.queries.api.EventLog;
import dev.eskit.web.problem.Problems;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Where a reader of the log starts: after a cursor, or at a point in time; never both. */
public final class LogStarts {

    private LogStarts() {
    }

    /** The cursor to read after: {@code after} itself, the cursor at {@code from}, or null (the beginning). */
    public static String cursor(EventLog log, String after, Instant from) {
        boolean hasCursor = after != null && !after.isBlank();
        if (from == null) {
            return hasCursor ? after : null;
        }
        if (hasCursor) {
            throw Problems.invalidField("from", "give either after or from, not both");
        }
        return log.cursorAt(from);
    }

    /** As above, with {@code from} as the HTTP API takes it: an ISO-8601 instant, or absent. */
    static String cursor(EventLog log, String after, String from) {
        return cursor(log, after, from == null || from.isBlank() ? null : instant(from));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("from", "must be an ISO-8601 instant such as 2026-11-22T10:15:30.123Z");
        }
    }
}

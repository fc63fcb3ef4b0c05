package dev.eskit.web.log;

import dev.eskit.queries.api.EventLog;
import dev.eskit.queries.api.LogPage;
import dev.eskit.queries.api.Selector;
import dev.eskit.web.problem.Problems;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a reader of the log starts, after a cursor or at a point in time but never both, and the page
 * it reads from there, forwards or backwards: one set of rules for every API.
 */
public final class LogStarts {

    private LogStarts() {
    }

    /** A page forwards after the start, waiting up to {@code wait} for a first event; or backwards below it. */
    public static LogPage read(EventLog log, String after, Instant from, boolean backwards, int limit, Selector selector,
                               Duration wait) throws InterruptedException {
        String start = cursor(log, after, from);
        if (!backwards) {
            return log.read(start, limit, selector, wait);
        }
        if (!wait.isZero()) {
            throw Problems.invalidField("waitSeconds", "applies to forward reads only");
        }
        return log.readBackwards(start, limit, selector);
    }

    /** Forward unless {@code direction} says backward, as the HTTP API spells it. */
    static boolean isBackward(String direction) {
        return switch (direction) {
            case "forward" -> false;
            case "backward" -> true;
            default -> throw Problems.invalidField("direction", "must be forward or backward");
        };
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

    /** As the HTTP API takes {@code from}: an ISO-8601 instant, or absent. */
    static Instant instant(String from) {
        return from == null || from.isBlank() ? null : parse(from);
    }

    private static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("from", "must be an ISO-8601 instant such as 2026-11-22T10:15:30.123Z");
        }
    }
}

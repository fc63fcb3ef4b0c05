package dev.eskit.console;

import dev.eskit.queries.api.EventLog;
import dev.eskit.queries.api.LogPage;
import dev.eskit.queries.api.LoggedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The explorer's search: reads the log from the filter's start with its selector, a step of at most
 * {@code STEP} stored events at a time, keeps the events the rest of the filter matches, and stops
 * at a page of results, at the end of the time range or of the log, or when its time is up, so that
 * a page answers promptly however rare the matches. The result's cursor continues the search.
 */
@Component
class LogSearch {

    static final int SHOWN = 50;
    private static final int STEP = 1_000;
    private static final long BUDGET = TimeUnit.MILLISECONDS.toNanos(100);

    private final EventLog log;

    LogSearch(EventLog log) {
        this.log = log;
    }

    Found search(LogFilter filter, String after) {
        String cursor = after != null ? after : filter.from() != null ? log.cursorAt(filter.from()) : null;
        long deadline = System.nanoTime() + BUDGET;
        List<LoggedEvent> events = new ArrayList<>();
        while (true) {
            LogPage page = log.scan(cursor, SHOWN - events.size(), filter.selector(), STEP);
            for (LoggedEvent event : page.entries()) {
                if (filter.pastTheRange(event)) {
                    return new Found(events, null, page.head());
                }
                if (filter.matches(event)) {
                    events.add(event);
                }
            }
            cursor = page.cursor();
            if (log.positionOf(cursor) >= page.head()) {
                return new Found(events, null, page.head());
            }
            if (events.size() >= SHOWN || System.nanoTime() > deadline) {
                return new Found(events, cursor, page.head());
            }
        }
    }

    /** What a search found, and the cursor that continues it (null when it reached its end). */
    record Found(List<LoggedEvent> events, String next, long head) {
    }
}

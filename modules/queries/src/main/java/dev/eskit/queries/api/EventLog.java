package dev.eskit.queries.api;

import java.time.Duration;
import java.time.Instant;

/** The global log: every event of every stream in commit order, read with opaque cursors. */
public interface EventLog {

    /**
     * Reads up to {@code limit} events matching {@code selector} after {@code cursor} (null: from the
     * beginning), waiting up to {@code wait} for the first one.
     */
    LogPage read(String cursor, int limit, Selector selector, Duration wait) throws InterruptedException;

    /**
     * Reads like {@link #read} without waiting, but scans at most {@code maxScanned} stored events:
     * for a search that must answer within a time, a step at a time.
     */
    LogPage scan(String cursor, int limit, Selector selector, int maxScanned);

    /**
     * Reads up to {@code limit} events matching {@code selector}, newest first, below where
     * {@code cursor} stands (null: from the head). The page's cursor continues backwards. A snapshot
     * of what was committed when it was read: an append still open then is not in it, unlike a
     * forward reader's pages, which deliver it when it commits.
     */
    LogPage readBackwards(String cursor, int limit, Selector selector);

    /** Follows the log from {@code cursor} (null: from the beginning). */
    LogFollower follow(String cursor, Selector selector);

    /** A cursor just before the first event stored at or after {@code instant}; the head's when there is none yet. */
    String cursorAt(Instant instant);

    /** A cursor at the live head: a reader that starts after it sees only what is stored from now on. */
    String headCursor();

    /** The position of the newest stored event, 0 when the store is empty. */
    long head();

    /** The log position a cursor stands at: everything up to it has been read. */
    long positionOf(String cursor);
}

package dev.eskit.queries.api;

import java.time.Duration;
import java.util.Optional;

/** A live subscription to the global log; close it when the reader goes away. */
public interface LogFollower extends AutoCloseable {

    /** The next matching entry, waiting at most {@code timeout}; empty when none arrived in time. */
    Optional<LogEntry> next(Duration timeout) throws InterruptedException;

    /** Resumes right after everything this follower has scanned so far, matching the selector or not. */
    String cursor();

    @Override
    void close();
}

package dev.eskit.console;

import java.time.Instant;

/**
 * An event as the console shows it: data and metadata pretty-printed, the actor and request that
 * caused it, and the cursor a reader resumes after it.
 */
record ConsoleEvent(String id, String streamId, String type, long version, long position, Instant timestamp,
                    String data, String metadata, String actor, String requestId, String cursor) {
}

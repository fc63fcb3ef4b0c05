package dev.eskit.queries.api;

import java.time.Instant;

/** What a stream is: its partition, how many events it holds, when it began and last changed. */
public record StreamSummary(String streamId, String partition, long version, Instant createdAt, Instant updatedAt) {
}

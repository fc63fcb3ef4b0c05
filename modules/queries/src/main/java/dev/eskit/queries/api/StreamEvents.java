package dev.eskit.queries.api;

import java.util.List;

/** A slice of one stream's events, ordered by version, with the stream's current version. */
public record StreamEvents(String streamId, long version, List<LoggedEvent> events) {
}

package dev.eskit.client;

import java.util.List;

/** Where an append landed; {@code retried} when an identical earlier append had stored it and nothing new was. */
public record AppendResult(String streamId, long fromVersion, long toVersion, List<Long> positions, boolean retried) {
}

package dev.eskit.web.streams;

import tools.jackson.databind.JsonNode;

/** A stream's metadata at its own {@code version}; a null limit is no limit. */
public record StreamMetadataView(String streamId, long version, Long maxAge, Long maxCount, Long truncateBefore, JsonNode custom) {
}

package dev.eskit.web.streams;

import java.util.List;

/** Where an append landed: its versions in the stream and its positions in the global log. */
public record AppendResponse(String streamId, long fromVersion, long toVersion, List<Long> positions) {
}

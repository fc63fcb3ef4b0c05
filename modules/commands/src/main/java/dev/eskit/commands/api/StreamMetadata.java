package dev.eskit.commands.api;

import tools.jackson.databind.JsonNode;

/**
 * What a stream's metadata says about its events: reads hide events older than {@code maxAgeSeconds},
 * all but the newest {@code maxCount}, and those below version {@code truncateBefore}; null means no
 * such limit. {@code custom} is the writer's own JSON object, kept as given.
 */
public record StreamMetadata(Long maxAgeSeconds, Long maxCount, Long truncateBefore, JsonNode custom) {

    /** The aggregate that keeps a stream's metadata has an id of its own, which no client stream id can take. */
    public static String streamOf(String streamId) {
        return "$$" + streamId;
    }
}

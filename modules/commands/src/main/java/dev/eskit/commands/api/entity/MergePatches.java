package dev.eskit.commands.api.entity;

import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 7396 JSON Merge Patch on Jackson trees, computed by Jakarta JSON-P (Parsson). Both sides of
 * the store use it: the write side to compute what an update stores, the read side to replay it.
 * A merge patch cannot say "set to null", so documents are kept without null members.
 */
public final class MergePatches {

    private static final JsonMapper JSON = JsonMapper.shared();
    /** Looked up once: {@code Json.create*} looks the provider up with a ServiceLoader on every call. */
    private static final JsonProvider JSON_P = JsonProvider.provider();
    private static final JsonReaderFactory READERS = JSON_P.createReaderFactory(null);

    private MergePatches() {
    }

    /** The document a patch turns {@code target} into. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        return fromJsonP(JSON_P.createMergePatch(toJsonP(patch)).apply(toJsonP(target)));
    }

    /** The smallest merge patch that turns {@code from} into {@code to}; an empty object when they are equal. */
    public static JsonNode diff(JsonNode from, JsonNode to) {
        return fromJsonP(JSON_P.createMergeDiff(toJsonP(from), toJsonP(to)).toJsonValue());
    }

    /** The document without null members, the form every stored document has. */
    public static JsonNode normalize(JsonNode document) {
        return apply(JSON.createObjectNode(), document);
    }

    public static boolean isEmpty(JsonNode patch) {
        return patch.isObject() && patch.isEmpty();
    }

    private static JsonValue toJsonP(JsonNode node) {
        try (var reader = READERS.createReader(new StringReader(JSON.writeValueAsString(node)))) {
            return reader.readValue();
        }
    }

    private static JsonNode fromJsonP(JsonValue value) {
        return JSON.readTree(value.toString());
    }
}

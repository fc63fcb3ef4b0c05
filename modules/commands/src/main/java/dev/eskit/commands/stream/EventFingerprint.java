package dev.eskit.commands.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A short digest of an event's content, so that a stream can tell an identical retry from a
 * different event reusing an id without keeping every payload in memory. Object keys are sorted,
 * so a retry that orders its fields differently is still identical.
 */
final class EventFingerprint {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private EventFingerprint() {
    }

    static String of(String type, JsonNode data, JsonNode metadata) {
        MessageDigest digest = sha256();
        digest.update(type.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(CANONICAL.writeValueAsBytes(data));
        digest.update((byte) 0);
        digest.update(CANONICAL.writeValueAsBytes(metadata));
        return Base64.getEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 22);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}

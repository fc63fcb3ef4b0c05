package dev.eskit.queries.support;

import dev.eskit.queries.api.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Predicate;

/** The cursor of a list in key order: the last key shown, opaque to clients (URL-safe base64). */
public final class KeyCursors {

    private KeyCursors() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor holds; a cursor that is not base64 or holds no valid key is refused. */
    public static String decode(String cursor, Predicate<String> validKey) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!validKey.test(key)) {
                throw new IllegalArgumentException();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("'" + cursor + "' is not a cursor of this list");
        }
    }
}

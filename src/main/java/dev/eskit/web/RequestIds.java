package dev.eskit.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request has an id: the caller's {@code X-Request-Id} (HTTP header or gRPC metadata) when it
 * sent a sane one, else a new one. It is echoed back, put on every log line as {@code requestId},
 * and carried into the events the request stores.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String LOG_KEY = "requestId";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    public static String accept(String given) {
        return given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}

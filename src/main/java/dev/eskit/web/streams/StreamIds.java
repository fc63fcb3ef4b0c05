package dev.eskit.web.streams;

import dev.eskit.web.problem.Problems;
import java.util.regex.Pattern;
import org.springframework.web.ErrorResponseException;

/** Stream ids are 1-200 URL-safe characters, so that they read the same in a path, a log line and a Kafka key. */
public final class StreamIds {

    static final String RULE = "1-200 characters of letters, digits and . _ : @ ~ -, starting with a letter or digit";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@~-]{0,199}");

    private StreamIds() {
    }

    public static String require(String streamId) {
        if (!isValid(streamId)) {
            throw Problems.invalidField("streamId", RULE);
        }
        return streamId;
    }

    static boolean isValid(String streamId) {
        return streamId != null && VALID.matcher(streamId).matches();
    }

    public static ErrorResponseException unknown(String streamId) {
        return Problems.notFound("stream " + streamId + " has no events");
    }
}

package dev.eskit.web.streams;

import dev.eskit.web.problem.Problems;
import java.util.regex.Pattern;
import org.springframework.web.ErrorResponseException;

/** Stream ids are 1-200 URL-safe characters, so that they read the same in a path, a log line and a Kafka key. */
public final class StreamIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@~-]{0,199}");

    private StreamIds() {
    }

    public static String require(String streamId) {
        if (!VALID.matcher(streamId).matches()) {
            throw Problems.invalidField("streamId",
                    "1-200 characters of letters, digits and . _ : @ ~ -, starting with a letter or digit");
        }
        return streamId;
    }

    public static ErrorResponseException unknown(String streamId) {
        return Problems.notFound("stream " + streamId + " has no events");
    }
}

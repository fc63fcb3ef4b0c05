package dev.eskit.web.consumers;

import dev.eskit.web.problem.Problems;
import java.util.regex.Pattern;
import org.springframework.web.ErrorResponseException;

/** Consumer names are 1-128 URL-safe characters, checked before anything reaches the checkpoints. */
public final class ConsumerNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private ConsumerNames() {
    }

    public static String require(String name) {
        if (!NAME.matcher(name).matches()) {
            throw Problems.invalidField("name", "1-128 letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    public static ErrorResponseException unknown(String name) {
        return Problems.notFound("consumer " + name + " has no checkpoint");
    }
}

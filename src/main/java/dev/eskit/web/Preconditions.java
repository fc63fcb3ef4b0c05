package dev.eskit.web;

import dev.eskit.web.problem.Problems;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** Reads the version a client states in {@code If-Match}: {@code "3"} (weak tags and bare numbers too), or {@code *}. */
public final class Preconditions {

    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private Preconditions() {
    }

    /** The version required by the header; null for {@code *} (any current version). */
    public static Long version(String ifMatch) {
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(value);
        if (!matcher.matches()) {
            throw Problems.invalidField("If-Match", "must be an entity tag like \"3\", as sent in ETag, or *");
        }
        return Long.parseLong(matcher.group(1));
    }

    public static Long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.of(HttpStatus.PRECONDITION_REQUIRED, "if-match-required",
                    "send If-Match with the version you are changing (the ETag of your last read)");
        }
        return version(ifMatch);
    }
}

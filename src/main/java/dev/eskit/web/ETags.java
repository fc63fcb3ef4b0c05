package dev.eskit.web;

/** Versions travel as strong entity tags: {@code "3"}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }
}

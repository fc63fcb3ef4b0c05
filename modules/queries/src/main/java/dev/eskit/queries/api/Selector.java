package dev.eskit.queries.api;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which event types a reader wants: a comma list of {@code *}, {@code P.*}, {@code *.A} and
 * {@code P.A}, where P is a partition (the part of a type before its last dot) and A an action.
 */
public record Selector(List<String> patterns) {

    private static final Pattern PATTERN = Pattern.compile("\\*|(\\*|[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)\\.(\\*|[A-Za-z0-9_-]+)");
    private static final Selector ALL = new Selector(List.of("*"));

    public Selector {
        patterns = List.copyOf(patterns);
    }

    public static Selector all() {
        return ALL;
    }

    /** Parses a selector parameter; absent or blank selects everything. */
    public static Selector parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        List<String> patterns = Arrays.stream(text.split(",", -1)).map(String::trim).toList();
        for (String pattern : patterns) {
            if (!PATTERN.matcher(pattern).matches()) {
                throw new InvalidSelectorException("'" + pattern + "' is not one of *, P.*, *.A or P.A");
            }
        }
        return new Selector(patterns);
    }

    public boolean matches(String type) {
        for (String pattern : patterns) {
            if (matches(pattern, type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String type) {
        if (pattern.equals("*")) {
            return true;
        }
        int patternDot = pattern.lastIndexOf('.');
        // a type without a dot has no partition, only an action (Jazzer found the case)
        int typeDot = type.lastIndexOf('.');
        String partition = pattern.substring(0, patternDot);
        String action = pattern.substring(patternDot + 1);
        return (partition.equals("*") || typeDot >= 0 && partition.equals(type.substring(0, typeDot)))
                && (action.equals("*") || action.equals(type.substring(typeDot + 1)));
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}

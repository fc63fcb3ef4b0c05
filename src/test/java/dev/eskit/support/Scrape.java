package dev.eskit.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A Prometheus text exposition, parsed into samples: metric name, labels, value. */
public record Scrape(List<Sample> samples) {

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public static Scrape of(Api api) {
        return parse(api.get(Api.Role.NONE, "/actuator/prometheus").text());
    }

    public static Scrape parse(String text) {
        return new Scrape(text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(LINE::matcher)
                .filter(Matcher::matches)
                .map(line -> new Sample(line.group(1), labels(line.group(2)), Double.parseDouble(line.group(3))))
                .toList());
    }

    /** The value of the one sample with that name and at least those labels. */
    public OptionalDouble value(String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
        if (matching.size() > 1) {
            throw new IllegalStateException(matching.size() + " samples of " + name + " match " + labels);
        }
        return matching.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(matching.get(0).value());
    }

    public Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toSet());
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}

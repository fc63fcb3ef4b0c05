package dev.eskit.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The repository's files as the compose topology uses them, read from the checkout. */
final class Compose {

    /** Tests run in the application module; the topology's files sit at the repository's root. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private Compose() {
    }

    static String text(String path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> yaml(String path) {
        return new Yaml().load(text(path));
    }

    static Map<String, Object> services() {
        return map(yaml("docker-compose.yml").get("services"));
    }

    static Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    /** A service's environment as a map, whichever of compose's two forms it uses. */
    static Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> variables.put(String.valueOf(key), String.valueOf(value)));
        } else if (environment instanceof List<?> lines) {
            lines.forEach(line -> {
                String[] parts = String.valueOf(line).split("=", 2);
                variables.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        }
        return variables;
    }

    /** Environment variables that a file reads as {@code ${NAME}} or {@code ${NAME:default}}, with whether they have a default. */
    static Map<String, Boolean> placeholders(String path) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(text(path));
        while (matcher.find()) {
            String fallback = matcher.group(2);
            found.merge(matcher.group(1), fallback != null && fallback.length() > 1, Boolean::logicalAnd);
        }
        return found;
    }

    static List<String> strings(Object list) {
        List<String> values = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.forEach(item -> values.add(String.valueOf(item)));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }
}

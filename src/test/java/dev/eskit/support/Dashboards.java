package dev.eskit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** The Grafana dashboards in modules/metrics, read as Grafana reads them. */
public final class Dashboards {

    private static final Path DIRECTORY = Path.of("..", "modules", "metrics", "grafana", "dashboards");

    private Dashboards() {
    }

    /** One query of one panel, named as a reader would look for it. */
    public record Query(String dashboard, String panel, String expr) {

        @Override
        public String toString() {
            return dashboard + " › " + panel + ": " + expr;
        }
    }

    /** A dashboard file and its JSON. */
    public record Dashboard(Path file, JsonNode json) {

        /** Its title and file name. */
        public String name() {
            return json.path("title").asString() + " (" + file.getFileName() + ")";
        }

        /**
         * The panels that show data: rows are left out, but a collapsed row keeps its panels inside
         * itself, and those count as much as the ones that follow an open row.
         */
        public List<JsonNode> panels() {
            List<JsonNode> panels = new ArrayList<>();
            collect(json.path("panels"), panels);
            return panels;
        }

        public List<Query> queries() {
            List<Query> queries = new ArrayList<>();
            for (JsonNode panel : panels()) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(name(), panel.path("title").asString(), target.path("expr").asString()));
                }
            }
            return queries;
        }

        /** The template variables ({@code templating.list}). */
        public List<JsonNode> variables() {
            List<JsonNode> variables = new ArrayList<>();
            json.path("templating").path("list").forEach(variables::add);
            return variables;
        }

        private static void collect(JsonNode panels, List<JsonNode> into) {
            for (JsonNode panel : panels) {
                if (panel.path("type").asString().equals("row")) {
                    collect(panel.path("panels"), into);
                } else {
                    into.add(panel);
                }
            }
        }
    }

    /** Every dashboard, in file name order. */
    public static List<Dashboard> all() {
        try (Stream<Path> listed = Files.list(DIRECTORY)) {
            return listed.filter(file -> file.toString().endsWith(".json")).sorted()
                    .map(file -> new Dashboard(file, Api.JSON.readTree(file.toFile())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

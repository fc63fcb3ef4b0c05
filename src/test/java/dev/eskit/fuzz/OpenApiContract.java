package dev.eskit.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The operations of the product's own OpenAPI document, with schemas resolved: what the fuzzer may call and expect. */
record OpenApiContract(List<Operation> operations, JsonNode components) {

    /** One operation: its parameters, the body it takes (if any) and every status it declares. */
    record Operation(String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies,
                     Set<Integer> statuses) {

        boolean isWrite() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    static OpenApiContract of(JsonNode document) {
        JsonNode components = document.get("components").get("schemas");
        List<Operation> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode operation = method.getValue();
            List<Parameter> parameters = new ArrayList<>();
            operation.path("parameters").forEach(parameter -> parameters.add(new Parameter(parameter.get("name").asString(),
                    parameter.get("in").asString(), parameter.path("required").asBoolean(), parameter.path("schema"))));
            Map<String, JsonNode> bodies = new LinkedHashMap<>();
            operation.path("requestBody").path("content").properties()
                    .forEach(media -> bodies.put(media.getKey(), media.getValue().path("schema")));
            Set<Integer> statuses = new TreeSet<>();
            operation.get("responses").propertyNames().forEach(code -> statuses.add(Integer.parseInt(code)));
            operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters, bodies, statuses));
        }));
        return new OpenApiContract(operations, components);
    }

    /** The schema a {@code $ref} names, or the schema itself; an unknown reference reads as "any JSON". */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String name = current.get("$ref").asString().replace("#/components/schemas/", "");
            current = components.has(name) ? components.get(name) : JsonNodeFactory.instance.objectNode();
        }
        return current;
    }
}

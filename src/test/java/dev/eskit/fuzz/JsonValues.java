package dev.eskit.fuzz;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON that a schema allows, drawn from a seeded {@link Random}: values a client would send, biased
 * towards the ids that exist so that requests get past "not found" into the handlers.
 */
final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OpenApiContract contract;
    private final Known known;
    private final Random random;

    JsonValues(OpenApiContract contract, Known known, Random random) {
        this.contract = contract;
        this.known = known;
        this.random = random;
    }

    JsonNode valid(JsonNode schema, int depth) {
        JsonNode resolved = contract.resolve(schema);
        if (resolved.has("oneOf")) {
            return valid(resolved.get("oneOf").get(random.nextInt(resolved.get("oneOf").size())), depth);
        }
        if (resolved.has("example") && random.nextInt(3) == 0) {
            return resolved.get("example");
        }
        return switch (resolved.path("type").asString("")) {
            case "object" -> object(resolved, depth);
            case "array" -> array(resolved, depth);
            case "string" -> NODES.stringNode(string(resolved));
            case "integer" -> NODES.numberNode(integer(resolved));
            case "number" -> NODES.numberNode(random.nextDouble() * 100);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> anyJson(depth);
        };
    }

    /** Any JSON document, as entity bodies, event data and metadata take. */
    JsonNode anyJson(int depth) {
        int kind = depth > 2 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> NODES.stringNode(Strings.any(random, 20));
            case 1 -> NODES.numberNode(random.nextInt(1000));
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(anyJson(depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(Strings.name(random), anyJson(depth + 1));
                }
                yield object;
            }
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        List<String> required = schema.path("required").valueStream().map(JsonNode::asString).toList();
        schema.path("properties").properties().forEach(property -> {
            if (required.contains(property.getKey()) || random.nextBoolean()) {
                object.set(property.getKey(), valid(property.getValue(), depth + 1));
            }
        });
        return object;
    }

    private ArrayNode array(JsonNode schema, int depth) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            array.add(valid(schema.path("items"), depth + 1));
        }
        return array;
    }

    private String string(JsonNode schema) {
        switch (schema.path("format").asString("")) {
            case "uuid":
                return random.nextBoolean() ? known.userId() : UUID.randomUUID().toString();
            case "date-time":
                return Instant.parse("2030-01-01T00:00:00Z").plusSeconds(random.nextInt(1_000_000)).toString();
            default:
                break;
        }
        if (schema.has("pattern")) {
            return random.nextBoolean() ? "NL" : "de";
        }
        int max = schema.path("maxLength").asInt(40);
        return Strings.any(random, Math.max(1, Math.min(max, 40)));
    }

    private long integer(JsonNode schema) {
        long min = schema.path("minimum").asLong(0);
        long max = Math.min(schema.path("maximum").asLong(min + 500), min + 500);
        return min + random.nextLong(max - min + 1);
    }
}

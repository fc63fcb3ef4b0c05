package dev.eskit.fuzz;

import dev.eskit.fuzz.OpenApiContract.Operation;
import dev.eskit.fuzz.OpenApiContract.Parameter;
import dev.eskit.support.Api.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns an operation, a mutation and a seed into one concrete HTTP request. */
final class FuzzRequests {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> BAD_NUMBERS = List.of("abc", "", "1.5", "-1", "0", "2147483648",
            "99999999999999999999", " 1", "1e3", "0x10", "NaN", "-0");
    private static final List<String> NUMBERS_AT_LIMITS = List.of("9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "2147483648", "-2147483649", "1e308", "1e309", "-0", "0.0000001", "1E+400");
    private static final List<String> BAD_PRECONDITIONS = List.of("\"999\"", "abc", "*", "W/\"1\"", "\"-1\"", "\"\"",
            "\"1\", \"2\"", "\"9223372036854775808\"", "\"é\"", "1");
    private static final List<String> NOT_JSON = List.of("{not json", "[", "{\"a\":}", "<xml/>", "\u0000", "{}}",
            "'single'", "{\"a\":1,}");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json-patch+json");
    private static final int OVER_THE_LIMIT = 1024 * 1024 + 1;

    private final OpenApiContract contract;
    private final Known known;

    FuzzRequests(OpenApiContract contract, Known known) {
        this.contract = contract;
        this.known = known;
    }

    FuzzRequest build(Operation operation, Mutation mutation, Role role, long seed) {
        Random random = new Random(seed);
        Map<String, String> headers = new LinkedHashMap<>();
        String path = path(operation, mutation, random) + query(operation, mutation, random);
        operation.parameters().stream().filter(parameter -> parameter.in().equals("header")).forEach(parameter ->
                precondition(parameter, mutation, random).ifPresent(value -> headers.put(parameter.name(), value)));
        byte[] body = null;
        if (!operation.bodies().isEmpty()) {
            List<String> mediaTypes = new ArrayList<>(operation.bodies().keySet());
            String mediaType = mediaTypes.get(random.nextInt(mediaTypes.size()));
            headers.put("Content-Type", contentType(mediaType, mutation, random));
            body = body(new JsonValues(contract, known, random).valid(operation.bodies().get(mediaType), 0), mutation, random);
        } else if (operation.isWrite() && mutation.changesTheBody()) {
            headers.put("Content-Type", "application/json");
            body = body(NODES.objectNode().put("unexpected", true), mutation, random);
        }
        return new FuzzRequest(operation, mutation, role, path, headers, body);
    }

    private String path(Operation operation, Mutation mutation, Random random) {
        String path = operation.path();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                String value = mutation == Mutation.HOSTILE_PATH ? (random.nextBoolean() ? Strings.hostile(random)
                        : Strings.unicode(random, 1 + random.nextInt(30)))
                        : random.nextInt(5) == 0 ? Strings.name(random) : known.forParameter(parameter.name(), path, random);
                path = path.replace("{" + parameter.name() + "}", segment(value));
            }
        }
        return path;
    }

    private String query(Operation operation, Mutation mutation, Random random) {
        List<String> pairs = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && (parameter.required() || random.nextInt(3) == 0
                    || mutation == Mutation.BAD_PARAMETER)) {
                boolean bad = mutation == Mutation.BAD_PARAMETER && random.nextBoolean();
                pairs.add(encode(parameter.name()) + "=" + encode(queryValue(operation, parameter, bad, random)));
            }
        }
        if (mutation == Mutation.UNKNOWN_PARAMETER) {
            pairs.add(encode(Strings.any(random, 10)) + "=" + encode(Strings.any(random, 10)));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private String queryValue(Operation operation, Parameter parameter, boolean bad, Random random) {
        JsonNode schema = contract.resolve(parameter.schema());
        String type = schema.path("type").asString("string");
        if (bad) {
            return type.equals("string") ? Strings.any(random, 60) : BAD_NUMBERS.get(random.nextInt(BAD_NUMBERS.size()));
        }
        if (parameter.name().equals("waitSeconds")) {
            return "0"; // a long poll that waits would only slow the run down
        }
        return switch (type) {
            case "integer" -> String.valueOf(schema.path("minimum").asLong(0) + random.nextInt(50));
            case "boolean" -> String.valueOf(random.nextBoolean());
            default -> random.nextInt(3) == 0 ? Strings.any(random, 30)
                    : known.forParameter(parameter.name(), operation.path(), random);
        };
    }

    private static Optional<String> precondition(Parameter header, Mutation mutation, Random random) {
        if (!header.name().startsWith("If-")) {
            return Optional.empty();
        }
        if (mutation == Mutation.BAD_PRECONDITION) {
            return Optional.of(BAD_PRECONDITIONS.get(random.nextInt(BAD_PRECONDITIONS.size())));
        }
        return switch (random.nextInt(3)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(header.name().equals("If-None-Match") ? "*" : "\"" + (1 + random.nextInt(3)) + "\"");
            default -> Optional.of("\"1\"");
        };
    }

    private static String contentType(String declared, Mutation mutation, Random random) {
        return switch (mutation) {
            case WRONG_CONTENT_TYPE -> WRONG_CONTENT_TYPES.get(random.nextInt(WRONG_CONTENT_TYPES.size()));
            case WRONG_ENCODING -> declared + "; charset=" + (random.nextBoolean() ? "ISO-8859-1" : "UTF-16");
            default -> declared;
        };
    }

    private static byte[] body(JsonNode valid, Mutation mutation, Random random) {
        ObjectNode object = valid instanceof ObjectNode node ? node : NODES.objectNode().set("value", valid);
        List<String> fields = new ArrayList<>(object.propertyNames());
        String field = fields.isEmpty() ? "value" : fields.get(random.nextInt(fields.size()));
        return switch (mutation) {
            case DROP_REQUIRED_FIELD -> utf8(JSON.writeValueAsString(object.without(field)));
            case EXTRA_FIELD -> utf8(JSON.writeValueAsString(object.put("unexpected" + random.nextInt(9), Strings.any(random, 9))));
            case WRONG_JSON_TYPE -> utf8(JSON.writeValueAsString(object.set(field, otherType(object.get(field), random))));
            case HUGE_STRING -> utf8(JSON.writeValueAsString(object.put(field,
                    "x".repeat(random.nextBoolean() ? OVER_THE_LIMIT : 100_000))));
            case ODD_UNICODE_AND_NUL -> utf8(JSON.writeValueAsString(object.put(field,
                    Strings.unicode(random, 50) + "\u0000")));
            case DEEP_NESTING -> utf8("{\"" + field + "\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
            case NUMBER_AT_LIMITS -> utf8(JSON.writeValueAsString(object.put(field, "@@number@@"))
                    .replace("\"@@number@@\"", NUMBERS_AT_LIMITS.get(random.nextInt(NUMBERS_AT_LIMITS.size()))));
            case NOT_JSON -> utf8(NOT_JSON.get(random.nextInt(NOT_JSON.size())));
            case EMPTY_BODY -> new byte[0];
            case WRONG_ENCODING -> JSON.writeValueAsString(object.put(field, "é€ü" + Strings.unicode(random, 5)))
                    .getBytes(StandardCharsets.ISO_8859_1);
            default -> utf8(JSON.writeValueAsString(valid));
        };
    }

    private static JsonNode otherType(JsonNode value, Random random) {
        JsonNode[] others = {NODES.numberNode(42), NODES.stringNode("42"), NODES.booleanNode(true), NODES.nullNode(),
                NODES.arrayNode().add(1), NODES.objectNode().put("a", 1), NODES.numberNode(4.2)};
        JsonNode other;
        do {
            other = others[random.nextInt(others.length)];
        } while (value != null && other.getNodeType() == value.getNodeType());
        return other;
    }

    /** A path segment as a client library encodes it; dots alone would be a different path, not a value. */
    private static String segment(String value) {
        String encoded = encode(value);
        return encoded.matches("\\.*") ? encoded.replace(".", "%2E") : encoded;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

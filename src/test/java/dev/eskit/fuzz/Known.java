package dev.eskit.fuzz;

import dev.eskit.support.Api;
import dev.eskit.support.Api.Role;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/** Resources that exist before the fuzzing starts, so that generated requests reach the handlers behind "not found". */
record Known(String streamId, String entityType, String entityId, String userId, String gatheringId, String consumer,
             String cursor) {

    static Known create(Api api) {
        String stream = "fuzz-stream";
        api.post(Role.WRITER, "/api/v1/streams/" + stream + "/events", Map.of("events",
                List.of(Map.of("type", "Fuzz.Started", "data", Map.of("n", 1)))));
        api.put(Role.WRITER, "/api/v1/types/FuzzDoc", Map.of("schema", Map.of("type", "object")));
        api.put(Role.WRITER, "/api/v1/entities/FuzzDoc/e1", Map.of("n", 1));
        JsonNode user = api.post(Role.WRITER, "/api/v1/users", Map.of("name", "Fuzz", "email", "fuzz@example.com")).json();
        JsonNode gathering = api.post(Role.WRITER, "/api/v1/gatherings", Map.of("kind", "PARTY", "name", "Fuzz party",
                "venue", Map.of("name", "Hall", "country", "NL"), "startsAt", "2030-01-01T20:00:00Z",
                "endsAt", "2030-01-01T23:00:00Z", "capacity", 5, "organizerId", user.get("id").asString())).json();
        String cursor = api.get(Role.READER, "/api/v1/log?limit=1").json().get("cursor").asString();
        api.put(Role.WRITER, "/api/v1/consumers/fuzz-consumer", Map.of("cursor", cursor));
        return new Known(stream, "FuzzDoc", "e1", user.get("id").asString(), gathering.get("id").asString(),
                "fuzz-consumer", cursor);
    }

    /** A value for a path or query parameter of this name that names something real. */
    String forParameter(String name, String path, Random random) {
        return switch (name) {
            case "streamId" -> streamId;
            case "type" -> entityType;
            case "id" -> path.contains("/users") ? userId : path.contains("/gatherings") ? gatheringId
                    : path.contains("/entities") ? entityId : String.valueOf(random.nextInt(5));
            case "userId" -> userId;
            case "name" -> path.contains("/processors") ? (random.nextBoolean() ? "entities" : "catalog") : consumer;
            case "after", "cursor" -> cursor;
            case "selector" -> random.nextBoolean() ? "Fuzz.*" : "*";
            case "asOf", "from", "to" -> "2030-01-01T00:00:00Z";
            case "kind" -> "PARTY";
            case "country" -> "NL";
            default -> Strings.name(random);
        };
    }
}

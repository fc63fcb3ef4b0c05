package dev.eskit.grpc;

import com.google.protobuf.Timestamp;
import dev.eskit.web.problem.Problems;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON travels in the protos as JSON text, so that numbers keep their precision; this reads it with
 * the HTTP API's own mapper and writes it back, and converts timestamps.
 */
@Component
class ProtoJson {

    private final JsonMapper mapper;

    ProtoJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Any JSON value; {@code field} names it in the INVALID_ARGUMENT answer when it is not JSON. */
    JsonNode value(String field, String text) {
        if (text.isBlank()) {
            throw Problems.invalidField(field, "is required: JSON text");
        }
        try {
            return mapper.readTree(text);
        } catch (JacksonException e) {
            throw Problems.invalidField(field, "is not JSON: " + e.getOriginalMessage());
        }
    }

    /** A JSON object. */
    JsonNode object(String field, String text) {
        JsonNode value = value(field, text);
        if (!value.isObject()) {
            throw Problems.invalidField(field, "must be a JSON object");
        }
        return value;
    }

    String text(JsonNode value) {
        return mapper.writeValueAsString(value);
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}

package dev.eskit.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Base of the HTTP tests: the API client for the running context, and names that no other test
 * uses, so that tests sharing one context and one database never see each other's streams.
 */
public abstract class ApiTest {

    @LocalServerPort
    private int port;
    @Value("${eskit.security.dev-accounts}")
    private boolean devAccounts;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port, devAccounts);
    }

    /** A partition name no other test uses, e.g. {@code T3f2a9c}. */
    protected static String uniquePartition() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    protected static String uniqueStream() {
        return "s-" + UUID.randomUUID();
    }

    protected static Map<String, Object> event(String type, Object data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("data", data);
        return event;
    }

    protected static Map<String, Object> event(String id, String type, Object data) {
        Map<String, Object> event = event(type, data);
        event.put("id", id);
        return event;
    }

    protected static Map<String, Object> appendBody(Object expectedVersion, List<Map<String, Object>> events) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (expectedVersion != null) {
            body.put("expectedVersion", expectedVersion);
        }
        body.put("events", events);
        return body;
    }

    /** One stream's part of a {@code POST /appends} body. */
    @SafeVarargs
    protected static Map<String, Object> streamAppend(String streamId, Object expectedVersion, Map<String, Object>... events) {
        Map<String, Object> append = new LinkedHashMap<>(appendBody(expectedVersion, List.of(events)));
        append.put("streamId", streamId);
        return append;
    }

    protected Response append(String stream, Object expectedVersion, List<Map<String, Object>> events) {
        return api.post(Role.WRITER, "/api/v1/streams/" + stream + "/events", appendBody(expectedVersion, events));
    }

    protected Response appendOk(String stream, Object expectedVersion, List<Map<String, Object>> events) {
        Response response = append(stream, expectedVersion, events);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    protected long head() {
        return api.get(Role.READER, "/api/v1/log?limit=1").json().get("head").asLong();
    }

    /** Reads the whole log once, returning the cursor at its end. */
    protected String endCursor() {
        String cursor = null;
        while (true) {
            JsonNode page = api.get(Role.READER, "/api/v1/log?limit=1000" + (cursor == null ? "" : "&after=" + cursor)).json();
            cursor = page.get("cursor").asString();
            if (page.get("entries").isEmpty()) {
                return cursor;
            }
        }
    }

    protected static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asString()));
        return values;
    }
}

package dev.eskit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running application over HTTP exactly as a client would. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String passwordSuffix;

    public Api(int port, boolean devAccounts) {
        this.base = "http://localhost:" + port;
        this.passwordSuffix = devAccounts ? "-dev" : "-test";
    }

    /** The built-in users: reader, writer and admin. */
    public enum Role {
        READER, WRITER, ADMIN, NONE
    }

    public Response get(Role role, String path) {
        return send(request(role, path).GET());
    }

    public Response post(Role role, String path, Object body) {
        return send(request(role, path).header("Content-Type", "application/json").POST(json(body)));
    }

    public Response put(Role role, String path, Object body) {
        return send(request(role, path).header("Content-Type", "application/json").PUT(json(body)));
    }

    public Response delete(Role role, String path) {
        return send(request(role, path).DELETE());
    }

    /** A request with full control over headers and body. */
    public HttpRequest.Builder request(Role role, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (role != Role.NONE) {
            String name = role.name().toLowerCase();
            String token = Base64.getEncoder().encodeToString((name + ":" + name + passwordSuffix).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder;
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The ids of every item of a paged list ({@code items} and a {@code next} cursor), following it to its end. */
    public Set<String> listedIds(Role role, String path) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = get(role, path + (path.contains("?") ? "&" : "?") + "limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(item -> ids.add(item.get("id").asString()));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null);
        return ids;
    }

    /** Opens a streaming response (SSE) and hands back its lines as they arrive. */
    public HttpResponse<Stream<String>> lines(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
    }

    /** A response with its body parsed when it is JSON. */
    public record Response(int status, java.net.http.HttpHeaders headers, String text) {

        Response(HttpResponse<String> response) {
            this(response.statusCode(), response.headers(), response.body());
        }

        public JsonNode json() {
            return JSON.readTree(text);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}

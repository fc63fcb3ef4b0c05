package dev.eskit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api;
import dev.eskit.support.Api.Role;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data in an H2 file: what was stored is there after a restart, and
 * aggregates come back from their snapshots with the right versions. It starts applications of its
 * own, so Failsafe runs it in a JVM apart from the shared test contexts.
 */
class EmbeddedRestartIT {

    private static final int EVENTS = 7;

    @Test
    void keepsEventsCheckpointsAndSnapshottedAggregatesAcrossARestart(@TempDir Path data) {
        String url = "jdbc:h2:file:" + data.resolve("eskit") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Map<String, Object> body = Map.of("events", List.of(Map.of("id", "kept-1", "type", "Restart.Survived", "data", Map.of("n", 1))));
        String cursor;
        try (ConfigurableApplicationContext first = start(url)) {
            Api api = api(first);
            assertThat(api.post(Role.WRITER, "/api/v1/streams/kept/events", body).status()).isEqualTo(201);
            for (int version = 1; version < EVENTS; version++) {
                assertThat(api.post(Role.WRITER, "/api/v1/streams/kept/events", Map.of("expectedVersion", version,
                        "events", List.of(Map.of("type", "Restart.Moved", "data", Map.of())))).status()).isEqualTo(201);
            }
            assertThat(create(api, "/api/v1/entities/Note/n1")).isEqualTo(201);
            for (int version = 1; version < EVENTS; version++) {
                assertThat(patch(api, "/api/v1/entities/Note/n1", version)).isEqualTo(200);
            }
            cursor = api.get(Role.READER, "/api/v1/log").json().get("cursor").asString();
            assertThat(api.put(Role.WRITER, "/api/v1/consumers/kept", Map.of("cursor", cursor)).status()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext second = start(url)) {
            Api api = api(second);
            var events = api.get(Role.READER, "/api/v1/streams/kept/events").json().get("events");
            assertThat(events).hasSize(EVENTS);
            assertThat(events.get(0).get("id").asString()).isEqualTo("kept-1");
            assertThat(api.get(Role.READER, "/api/v1/consumers/kept").json().get("cursor").asString()).isEqualTo(cursor);
            assertThat(api.post(Role.WRITER, "/api/v1/streams/kept/events", body).status()).as("an identical retry").isEqualTo(200);
            assertThat(api.post(Role.WRITER, "/api/v1/streams/kept/events", Map.of("expectedVersion", EVENTS,
                    "events", List.of(Map.of("type", "Restart.Moved", "data", Map.of())))).status())
                    .as("the stream's version, as restored from its snapshot").isEqualTo(201);
            assertThat(patch(api, "/api/v1/entities/Note/n1", EVENTS)).as("the entity's version, from its snapshot").isEqualTo(200);
            assertThat(api.get(Role.READER, "/api/v1/entities/Note/n1").json().get("data").get("n").asInt()).isEqualTo(EVENTS);
        }
    }

    private static int create(Api api, String path) {
        return api.send(api.request(Role.WRITER, path).header("Content-Type", "application/json").header("If-None-Match", "*")
                .PUT(BodyPublishers.ofString("{\"n\":0}"))).status();
    }

    private static int patch(Api api, String path, int version) {
        return api.send(api.request(Role.WRITER, path).header("Content-Type", "application/merge-patch+json")
                .header("If-Match", "\"" + version + "\"").method("PATCH", BodyPublishers.ofString("{\"n\":" + version + "}"))).status();
    }

    /** Snapshots every three events, so the second start loads both aggregates from snapshots. */
    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(EskitApplication.class).run("--server.port=0", "--spring.datasource.url=" + url,
                "--eskit.streams.snapshot-threshold=3", "--eskit.entities.snapshot-threshold=3");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort(), true);
    }
}

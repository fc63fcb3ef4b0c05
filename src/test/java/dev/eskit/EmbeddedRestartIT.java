package dev.eskit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api;
import dev.eskit.support.Api.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data in an H2 file: what was stored is there after a restart. It
 * starts two applications of its own, so Failsafe runs it in a JVM apart from the shared test contexts.
 */
class EmbeddedRestartIT {

    @Test
    void keepsEventsAndCheckpointsAcrossARestart(@TempDir Path data) {
        String url = "jdbc:h2:file:" + data.resolve("eskit") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Map<String, Object> body = Map.of("events", List.of(Map.of("id", "kept-1", "type", "Restart.Survived", "data", Map.of("n", 1))));
        String cursor;
        try (ConfigurableApplicationContext first = start(url)) {
            Api api = api(first);
            assertThat(api.post(Role.WRITER, "/api/v1/streams/kept/events", body).status()).isEqualTo(201);
            cursor = api.get(Role.READER, "/api/v1/log").json().get("cursor").asString();
            assertThat(api.put(Role.WRITER, "/api/v1/consumers/kept", Map.of("cursor", cursor)).status()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext second = start(url)) {
            Api api = api(second);
            var events = api.get(Role.READER, "/api/v1/streams/kept/events").json().get("events");
            assertThat(events).hasSize(1);
            assertThat(events.get(0).get("id").asString()).isEqualTo("kept-1");
            assertThat(api.get(Role.READER, "/api/v1/consumers/kept").json().get("cursor").asString()).isEqualTo(cursor);
            assertThat(api.post(Role.WRITER, "/api/v1/streams/kept/events", body).status()).as("an identical retry").isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(EskitApplication.class).run("--server.port=0", "--spring.datasource.url=" + url);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort(), true);
    }
}

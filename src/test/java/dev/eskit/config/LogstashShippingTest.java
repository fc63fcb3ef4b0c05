package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import dev.eskit.support.Api;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code elk} profile ships every log line to Logstash over TCP as JSON lines, with the request
 * id that Kibana's saved search looks for. A socket in the test stands in for Logstash's TCP input.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:eskit-elk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "eskit.security.dev-accounts=false",
        "eskit.security.users[0].name=writer",
        "eskit.security.users[0].password={noop}writer-test",
        "eskit.security.users[0].roles=writer",
        "logging.level.dev.eskit.commands=DEBUG"})
@ActiveProfiles("elk")
class LogstashShippingTest extends ApiTest {

    private static final String DESTINATION = "eskit.logging.logstash-destination";
    private static final FakeLogstash LOGSTASH = new FakeLogstash();

    static {
        // Boot configures logging once per JVM, before a test's dynamic properties exist; contexts of
        // earlier tests configured it without this profile
        LoggingSystem.get(LogstashShippingTest.class.getClassLoader()).cleanUp();
        System.setProperty(DESTINATION, "127.0.0.1:" + LOGSTASH.port());
    }

    @AfterAll
    static void stop() throws IOException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> shipping = root.getAppender("LOGSTASH");
        root.detachAppender(shipping);
        shipping.stop();
        System.clearProperty(DESTINATION);
        LOGSTASH.server.close();
    }

    @Test
    void shipsJsonLinesWithTheRequestId() {
        Api.Response response = api.send(api.request(Role.WRITER, "/api/v1/streams/" + uniqueStream() + "/events")
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "req-elk-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[{\"type\":\"Log.Shipped\",\"data\":{}}]}")));
        assertThat(response.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(LOGSTASH.lines)
                .anySatisfy(line -> assertThat(line).contains("req-elk-1")));
        // Elasticsearch refuses a document with a field twice, so the line is read as strictly as it would be
        JsonMapper strict = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        JsonNode line = LOGSTASH.lines.stream().filter(text -> text.contains("req-elk-1")).map(strict::readTree)
                .findFirst().orElseThrow();
        assertThat(line.get("requestId").asString()).isEqualTo("req-elk-1");
        assertThat(line.get("actor").asString()).isEqualTo("writer");
        assertThat(line.get("application").asString()).isEqualTo("eskit");
        assertThat(line.has("@timestamp")).isTrue();
        assertThat(line.has("level")).isTrue();
    }

    /** Accepts one connection at a time and keeps every line it receives. */
    private static final class FakeLogstash {
        private final ServerSocket server;
        private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        FakeLogstash() {
            try {
                server = new ServerSocket(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(this::accept, "fake-logstash");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try (Socket client = server.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                } catch (IOException closed) {
                    return;
                }
            }
        }
    }
}

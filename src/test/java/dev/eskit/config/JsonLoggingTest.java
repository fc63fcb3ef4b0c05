package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api;
import dev.eskit.support.Grpc;
import dev.eskit.support.GrpcApiTest;
import dev.eskit.support.H2Test;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Log lines are JSON objects that carry the request id, the actor and the Axon message being handled. */
@H2Test
@ExtendWith(OutputCaptureExtension.class)
class JsonLoggingTest extends GrpcApiTest {

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @AfterEach
    void quiet() {
        logging.setLogLevel("dev.eskit.commands", null);
    }

    @Test
    void aCommandsLogLineCarriesItsRequestActorAndMessage(CapturedOutput output) {
        logging.setLogLevel("dev.eskit.commands", LogLevel.DEBUG);
        var response = api.send(api.request(Api.Role.WRITER, "/api/v1/streams/" + uniqueStream() + "/events")
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "req-logging-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        Api.JSON.writeValueAsString(appendBody(null, List.of(event("Log.Checked", Map.of())))))));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("X-Request-Id")).isEqualTo("req-logging-1");

        JsonNode line = output.getOut().lines()
                .filter(text -> text.startsWith("{") && text.contains("req-logging-1") && text.contains("handled"))
                .map(Api.JSON::readTree)
                .findFirst().orElseThrow(() -> new AssertionError("no JSON log line for the request"));
        assertThat(line.get("requestId").asString()).isEqualTo("req-logging-1");
        assertThat(line.get("actor").asString()).isEqualTo("writer");
        assertThat(line.get("messageId").asString()).isNotBlank();
        assertThat(line.get("messageType").asString()).endsWith("AppendToStream");
        assertThat(line.get("level").asString()).isEqualTo("DEBUG");
        assertThat(line.has("@timestamp")).isTrue();
    }

    @Test
    void theRequestIdReachesTheStoredEvent() {
        String stream = uniqueStream();
        api.send(api.request(Api.Role.WRITER, "/api/v1/streams/" + stream + "/events")
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "req-logging-2")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        Api.JSON.writeValueAsString(appendBody(null, List.of(event("Log.Checked", Map.of())))))));

        JsonNode metadata = api.get(Api.Role.READER, "/api/v1/streams/" + stream + "/events").json()
                .get("events").get(0).get("metadata");
        assertThat(metadata.get("requestId").asString()).isEqualTo("req-logging-2");
    }

    @Test
    void aGrpcCallsLogLinesCarryItsRequestIdAndActorAndTheIdComesBack(CapturedOutput output) {
        logging.setLogLevel("dev.eskit.commands", LogLevel.DEBUG);
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        grpc.streams(Api.Role.NONE)
                .withCallCredentials(Grpc.headers(Map.of(Grpc.AUTHORIZATION, grpc.basicAuthorization(Api.Role.WRITER),
                        Grpc.REQUEST_ID, "req-logging-grpc")))
                .withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                .append(appendRequest(uniqueStream(), ANY, newEvent("Log.Checked", "{}")));
        assertThat(headers.get().get(Grpc.REQUEST_ID)).isEqualTo("req-logging-grpc");

        JsonNode line = output.getOut().lines()
                .filter(text -> text.startsWith("{") && text.contains("req-logging-grpc") && text.contains("handled"))
                .map(Api.JSON::readTree)
                .findFirst().orElseThrow(() -> new AssertionError("no JSON log line for the call"));
        assertThat(line.get("requestId").asString()).isEqualTo("req-logging-grpc");
        assertThat(line.get("actor").asString()).isEqualTo("writer");
        assertThat(line.get("messageType").asString()).endsWith("AppendToStream");
    }
}

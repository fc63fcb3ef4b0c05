package dev.eskit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.client.EskitClient;
import dev.eskit.client.EventData;
import dev.eskit.client.ExpectedVersion;
import dev.eskit.client.ReadDirection;
import dev.eskit.grpc.v1.ReadStreamRequest;
import dev.eskit.grpc.v1.StreamsGrpc;
import dev.eskit.support.Api;
import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.Grpc;
import dev.eskit.support.GrpcApiTest;
import dev.eskit.support.H2Test;
import dev.eskit.support.TestIssuer;
import io.grpc.Status;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Bearer tokens (JWT) beside the Basic users: roles from a configured claim, issuer and expiry enforced. */
@H2Test
class BearerTokenTest extends GrpcApiTest {

    @LocalGrpcServerPort
    private int grpcPort;

    private static final TestIssuer ISSUER = new TestIssuer();

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location", ISSUER::publicKeyLocation);
        properties.add("eskit.security.jwt.issuer", () -> TestIssuer.ISSUER);
        properties.add("eskit.security.jwt.roles-claim", () -> "realm_access.roles");
        // a context of its own, so a database of its own: on the shared one its processors would
        // handle every event a second time under the same node id as the other tests' context
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:eskit-bearer;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    @Test
    void aReaderTokenReadsButCannotWrite() {
        String token = ISSUER.token("rita", roles("reader"));
        assertThat(get(token, "/api/v1/log?limit=1").status()).isEqualTo(200);
        Response write = append(token, uniqueStream());
        assertThat(write.status()).as(write.toString()).isEqualTo(403);
        assertThat(write.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aWriterTokenWritesAndItsSubjectIsTheActor() {
        String stream = uniqueStream();
        String token = ISSUER.token("wanda", roles("writer", "some-other-apps-role"));
        assertThat(append(token, stream).status()).isEqualTo(201);
        JsonNode stored = get(token, "/api/v1/streams/" + stream + "/events").json().get("events").get(0);
        assertThat(stored.get("metadata").get("actor").asString()).isEqualTo("wanda");
        assertThat(get(token, "/api/v1/admin/processors").status()).isEqualTo(403);
    }

    @Test
    void anAdminTokenOperates() {
        String token = ISSUER.token("ada", roles("admin"));
        assertThat(get(token, "/api/v1/admin/processors").status()).isEqualTo(200);
        assertThat(append(token, uniqueStream()).status()).isEqualTo(201);
    }

    @Test
    void theGrpcPortTakesTheSameTokens() {
        String stream = uniqueStream();
        String writer = ISSUER.token("wanda", roles("writer"));
        grpc.as(Role.NONE, StreamsGrpc.newBlockingStub(grpc.channel())).withCallCredentials(bearer(writer))
                .append(appendRequest(stream, ANY, newEvent("Project.Created", "{}")));
        String actor = grpc.as(Role.NONE, StreamsGrpc.newBlockingStub(grpc.channel())).withCallCredentials(bearer(writer))
                .read(ReadStreamRequest.newBuilder().setStreamId(stream).build()).getEvents(0).getMetadata();
        assertThat(Api.JSON.readTree(actor).get("actor").asString()).isEqualTo("wanda");

        String reader = ISSUER.token("rita", roles("reader"));
        assertThat(refused(() -> grpc.as(Role.NONE, StreamsGrpc.newBlockingStub(grpc.channel())).withCallCredentials(bearer(reader))
                .append(appendRequest(uniqueStream(), ANY, newEvent("Project.Created", "{}")))).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        String expired = ISSUER.token(TestIssuer.ISSUER, "late", roles("admin"), Instant.now().minus(Duration.ofHours(1)),
                Duration.ofMinutes(5));
        assertThat(refused(() -> grpc.as(Role.NONE, StreamsGrpc.newBlockingStub(grpc.channel())).withCallCredentials(bearer(expired))
                .read(ReadStreamRequest.newBuilder().setStreamId(stream).build())).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void theJavaClientSendsATokenItAsksForBeforeEveryCall() throws Exception {
        String stream = uniqueStream();
        try (EskitClient client = EskitClient.builder("localhost", grpcPort).plaintext()
                .bearer(() -> ISSUER.token("wanda", roles("writer"))).build()) {
            client.append(stream, ExpectedVersion.noStream(), List.of(EventData.of("Project.Created", "{}")));
            assertThat(client.read(stream, ReadDirection.FORWARDS, 0, 1).get(0).metadata()).contains("\"actor\":\"wanda\"");
        }
    }

    private static io.grpc.CallCredentials bearer(String token) {
        return Grpc.headers(Map.of(Grpc.AUTHORIZATION, "Bearer " + token));
    }

    @Test
    void refusesAnExpiredToken() {
        String token = ISSUER.token(TestIssuer.ISSUER, "late", roles("admin"), Instant.now().minus(Duration.ofHours(1)),
                Duration.ofMinutes(5));
        assertRefused(get(token, "/api/v1/log"), "expired");
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        String token = ISSUER.token("https://elsewhere.test", "mallory", roles("admin"), Instant.now(), Duration.ofMinutes(5));
        assertRefused(get(token, "/api/v1/log"), "iss");
    }

    @Test
    void refusesATamperedToken() {
        String token = ISSUER.token("eve", roles("reader"));
        assertRefused(get(token.substring(0, token.length() - 4) + "AAAA", "/api/v1/log"), "");
    }

    @Test
    void aTokenWithoutOurRolesIsAuthenticatedButMayDoNothing() {
        String token = ISSUER.token("nobody", roles("billing"));
        Response read = get(token, "/api/v1/log");
        assertThat(read.status()).as(read.toString()).isEqualTo(403);
        String noClaim = ISSUER.token("nobody", Map.of());
        assertThat(get(noClaim, "/api/v1/log").status()).isEqualTo(403);
    }

    @Test
    void basicUsersStillWorkAndTheChallengeOffersBoth() {
        assertThat(api.get(Role.READER, "/api/v1/log?limit=1").status()).isEqualTo(200);
        Response anonymous = api.get(Role.NONE, "/api/v1/log");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).anyMatch(v -> v.startsWith("Basic"))
                .anyMatch(v -> v.startsWith("Bearer"));
    }

    private void assertRefused(Response response, String reason) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(reason);
    }

    private static Map<String, Object> roles(String... roles) {
        return Map.of("realm_access", Map.of("roles", List.of(roles)));
    }

    private Response get(String token, String path) {
        return api.send(api.request(Role.NONE, path).header("Authorization", "Bearer " + token).GET());
    }

    private Response append(String token, String stream) {
        return api.send(api.request(Role.NONE, "/api/v1/streams/" + stream + "/events")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"events\":[{\"type\":\"Token.Used\",\"data\":{}}]}")));
    }
}

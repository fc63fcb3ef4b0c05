package dev.eskit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Security section of the API contract: 401 without credentials, 403 without the role. */
abstract class SecurityApiTests extends ApiTest {

    @Test
    void refusesCallsWithoutCredentialsWith401AndABasicChallenge() {
        for (Response response : List.of(api.get(Role.NONE, "/api/v1/log"),
                api.get(Role.NONE, "/api/v1/streams/x"),
                api.post(Role.NONE, "/api/v1/streams/x/events", appendBody(null, List.of(event("A.B", Map.of())))),
                api.put(Role.NONE, "/api/v1/consumers/x", Map.of("cursor", "AA")),
                api.get(Role.NONE, "/api/v1/no-such-thing"))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void refusesAWrongPasswordWith401() {
        Response response = api.send(api.request(Role.NONE, "/api/v1/log")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("writer:nope".getBytes())));
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void letsAReaderReadButNotWrite() {
        String stream = uniqueStream();
        assertThat(api.get(Role.READER, "/api/v1/log?limit=1").status()).isEqualTo(200);
        assertThat(api.get(Role.READER, "/api/v1/consumers").status()).isEqualTo(200);
        Response write = api.post(Role.READER, "/api/v1/streams/" + stream + "/events", appendBody(null, List.of(event("A.B", Map.of()))));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.put(Role.READER, "/api/v1/consumers/r", Map.of("cursor", "AA")).status()).isEqualTo(403);
        assertThat(api.delete(Role.READER, "/api/v1/consumers/r").status()).isEqualTo(403);
        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream).status()).isEqualTo(404);
    }

    @Test
    void letsAWriterReadAndWriteButNotOperate() {
        appendOk(uniqueStream(), null, List.of(event("A.B", Map.of())));
        assertThat(api.get(Role.WRITER, "/api/v1/log?limit=1").status()).isEqualTo(200);
        assertThat(api.get(Role.WRITER, "/api/v1/admin/processors").status()).isEqualTo(403);
    }

    @Test
    void letsAnAdminDoEverythingAndRecordsItAsTheActor() {
        String stream = uniqueStream();
        Response append = api.post(Role.ADMIN, "/api/v1/streams/" + stream + "/events", appendBody(null, List.of(event("A.B", Map.of()))));

        assertThat(append.status()).isEqualTo(201);
        assertThat(api.get(Role.ADMIN, "/api/v1/admin/processors").status()).isNotIn(401, 403);
        assertThat(api.get(Role.READER, "/api/v1/streams/" + stream + "/events").json()
                .get("events").get(0).get("metadata").get("actor").asString()).isEqualTo("admin");
    }

    @Test
    void leavesHealthAndTheApiDocumentOpen() {
        assertThat(api.get(Role.NONE, "/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get(Role.NONE, "/actuator/health/readiness").status()).isEqualTo(200);
        Response docs = api.get(Role.NONE, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/streams/{streamId}/events")).isTrue();
        assertThat(docs.json().get("components").get("securitySchemes").has("basicAuth")).isTrue();
    }
}

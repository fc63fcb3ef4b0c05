package dev.eskit.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import dev.eskit.support.H2Test;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Errors that the framework, the firewall or Tomcat raise before ESKIT's own code runs answer as
 * problem+json with a type, like every other error, and store nothing.
 */
@H2Test
class ProblemsEverywhereOnH2Test extends ApiTest {

    @Test
    void aWrongContentTypeIsATypedProblem() {
        Response response = api.send(api.request(Role.WRITER, "/api/v1/streams/" + uniqueStream() + "/events")
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString("x")));

        assertProblem(response, 415, "urn:eskit:problem:unsupported-media-type");
    }

    @Test
    void aQueryParameterOfTheWrongTypeNamesTheParameter() {
        Response response = api.get(Role.READER, "/api/v1/log?limit=abc");

        JsonNode problem = assertProblem(response, 400, "urn:eskit:problem:invalid-request");
        assertThat(texts(problem.get("errors"), "field")).containsExactly("limit");
    }

    /** Found by the contract fuzzer: Tomcat refuses a parameter without a name when the query is first read. */
    @Test
    void aQueryStringTomcatCannotParseIsABadRequest() {
        assertProblem(api.get(Role.READER, "/api/v1/gatherings?limit=5&=a%2Fb"), 400, "urn:eskit:problem:malformed-query");
    }

    @Test
    void anUnknownPathIsATypedNotFound() {
        JsonNode problem = assertProblem(api.get(Role.READER, "/api/v1/nothing-here"), 404, "urn:eskit:problem:not-found");

        assertThat(problem.get("detail").asString()).contains("/api/v1/nothing-here");
    }

    @Test
    void anUnsupportedMethodIsATypedProblem() {
        assertProblem(api.send(api.request(Role.WRITER, "/api/v1/log").PUT(BodyPublishers.noBody())), 405,
                "urn:eskit:problem:method-not-allowed");
    }

    /** Tomcat refuses these before any filter runs; its error page used to be HTML. */
    @ParameterizedTest
    @ValueSource(strings = {"a%2F..%2Fb", "a%00b", "a%5Cb"})
    void aPathTomcatRefusesIsAProblemNotAnHtmlPage(String streamId) {
        long head = head();

        JsonNode problem = assertProblem(append("x" + streamId, "any", List.of(event("Hostile.Tried", Map.of()))),
                400, "urn:eskit:problem:bad-request");

        assertThat(problem.get("detail").asString()).startsWith("the server refused the request before it reached the API");
        assertThat(head()).isEqualTo(head);
    }

    /** Spring Security's firewall refuses these; the answer says which rule. */
    @ParameterizedTest
    @CsvSource({"a;b,';'", "%2e%2e,'%2e'", "a%25b,'%25'"})
    void aPathTheFirewallRefusesSaysWhy(String streamId, String rule) {
        long head = head();

        JsonNode problem = assertProblem(append(streamId, "any", List.of(event("Hostile.Tried", Map.of()))),
                400, "urn:eskit:problem:rejected-request");

        assertThat(problem.get("detail").asString()).contains(rule.replace("'", "\""));
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void aNumberWhereAStringBelongsIsRefused() {
        String email = uniqueStream() + "@example.com";

        Response response = api.post(Role.WRITER, "/api/v1/users", Map.of("name", 42, "email", email));

        JsonNode problem = assertProblem(response, 400, "urn:eskit:problem:invalid-request");
        assertThat(texts(problem.get("errors"), "field")).containsExactly("name");
        assertThat(api.get(Role.ADMIN, "/api/v1/users?email=" + email).json().get("items")).isEmpty();
    }

    @Test
    void aStringWhereANumberBelongsIsRefused() {
        Response response = api.post(Role.WRITER, "/api/v1/users", Map.of("name", true, "email", "x@example.com"));
        Response fraction = api.post(Role.WRITER, "/api/v1/gatherings", Map.of("kind", "PARTY", "name", "n",
                "venue", Map.of("name", "v", "city", "c", "country", "NL"), "startsAt", "2030-01-01T10:00:00Z",
                "endsAt", "2030-01-01T12:00:00Z", "capacity", 2.5, "organizerId", UUID.randomUUID()));

        assertThat(texts(assertProblem(response, 400, "urn:eskit:problem:invalid-request").get("errors"), "field"))
                .containsExactly("name");
        assertThat(texts(assertProblem(fraction, 400, "urn:eskit:problem:invalid-request").get("errors"), "field"))
                .containsExactly("capacity");
    }

    private static JsonNode assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response::toString).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }
}

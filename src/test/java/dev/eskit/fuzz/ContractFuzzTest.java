package dev.eskit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.EskitApplication;
import dev.eskit.fuzz.OpenApiContract.Operation;
import dev.eskit.support.Api;
import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzing from the contract: requests generated from the product's own OpenAPI document, valid and
 * mutated, against the embedded default. Every answer must be a status the document declares for
 * the operation, every error problem+json with a type, never a 500 or HTML, and a refused request
 * must leave the log's head where it was. The seed is fixed, so a failure replays; the number of
 * cases is {@code jqwik.tries.default} (see docs/tests.md for the longer run).
 */
class ContractFuzzTest {

    private static ConfigurableApplicationContext application;
    private static Api api;
    private static OpenApiContract contract;
    private static FuzzRequests requests;

    @BeforeContainer
    static void start() {
        application = new SpringApplicationBuilder(EskitApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:eskit-fuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        api = new Api(((WebServerApplicationContext) application).getWebServer().getPort(), true);
        contract = OpenApiContract.of(api.get(Role.READER, "/v3/api-docs").json());
        requests = new FuzzRequests(contract, Known.create(api));
    }

    @AfterContainer
    static void stop() {
        application.close();
    }

    @Property(seed = "20261205", shrinking = ShrinkingMode.BOUNDED)
    void everyAnswerIsDeclaredAndEveryRefusalStoresNothing(@ForAll("operations") Operation operation,
                                                           @ForAll("mutations") Mutation mutation,
                                                           @ForAll("roles") Role role, @ForAll long seed) {
        FuzzRequest request = requests.build(operation, mutation, role, seed);
        long head = head();

        Response response = send(request);

        Statistics.label("status").collect(response.status());
        Statistics.label("mutation → class").collect(mutation, response.status() / 100 + "xx");
        assertThat(response.status()).as("%s answered %s", request, response).isNotEqualTo(500);
        assertThat(operation.statuses()).as("%s answered %s, which the document does not declare", request, response)
                .contains(response.status());
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).as("%s answered %s", request, response)
                    .startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.path("type").asString()).as("%s answered %s", request, response).startsWith("urn:eskit:problem:");
            assertThat(problem.path("status").asInt()).isEqualTo(response.status());
            assertThat(head()).as("%s moved the log's head, answering %s", request, response).isEqualTo(head);
        }
    }

    @Provide
    Arbitrary<Operation> operations() {
        // the SSE follower never ends by itself; LogStreamApi tests it
        return Arbitraries.of(contract.operations().stream()
                .filter(operation -> !operation.path().equals("/api/v1/log/stream")).toList());
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Mutation.NONE)),
                Tuple.of(12, Arbitraries.of(Mutation.class)));
    }

    @Provide
    Arbitrary<Role> roles() {
        return Arbitraries.frequency(Tuple.of(6, Role.WRITER), Tuple.of(4, Role.ADMIN), Tuple.of(1, Role.READER),
                Tuple.of(1, Role.NONE));
    }

    private static Response send(FuzzRequest request) {
        HttpRequest.Builder builder = api.request(request.role(), request.path());
        request.headers().forEach(builder::header);
        return api.send(builder.method(request.operation().method(),
                request.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(request.body())));
    }

    private static long head() {
        return api.get(Role.READER, "/api/v1/log?limit=1").json().get("head").asLong();
    }
}

package dev.eskit.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document: HTTP Basic and bearer tokens for Swagger UI's Authorize button, and the problem+json errors
 * that every operation can answer with, so that each operation lists only its own.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "basicAuth";
    private static final String BEARER = "bearerAuth";
    private static final String PROBLEM = "Problem";

    private static final Map<String, String> COMMON_ERRORS = Map.of(
            "400", "malformed JSON, a wrong type, a missing field, an invalid parameter, selector or cursor",
            "401", "no or wrong credentials",
            "403", "the role does not allow this call",
            "503", "the store is unreachable, or a list's view is being rebuilt by a replay; retry after Retry-After seconds");

    static {
        // springdoc would describe JsonNode's getters; in the API it stands for any JSON value
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new Schema<>().description("any JSON value"));
    }

    private static final Map<String, String> WRITE_ERRORS = Map.of(
            "413", "the body is over the configured limit (default 1 MiB)",
            "415", "the body is not application/json");

    @Bean
    OpenAPI eskitOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ESKIT").version("v1")
                        .description("An event store on Axon Framework: streams with optimistic concurrency, "
                                + "the global log with cursors, long poll and SSE, consumer checkpoints, entities (JSON "
                                + "documents with history, time travel and JSON Schema), users and gatherings. "
                                + "Errors are RFC 9457 application/problem+json. Authorize with HTTP Basic or a bearer token (JWT)."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("reader may GET; writer also writes; admin also operates"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("a token from the configured issuer, with reader, writer or admin in its roles claim"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer commonProblems() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            COMMON_ERRORS.forEach((code, text) -> responses.putIfAbsent(code, problem(text)));
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(parameter -> parameter.hasParameterAnnotation(PathVariable.class))) {
                responses.putIfAbsent("404", problem("nothing exists at this path"));
            }
            if (!handler.hasMethodAnnotation(GetMapping.class)) {
                WRITE_ERRORS.forEach((code, text) -> responses.putIfAbsent(code, problem(text)));
            }
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    response.setContent(problemContent());
                }
            });
            operation.setResponses(responses);
            return operation;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        return new Schema<>().type("object").description("RFC 9457 problem details")
                .addProperty("type", new Schema<>().type("string").example("urn:eskit:problem:wrong-expected-version"))
                .addProperty("title", new Schema<>().type("string").example("Conflict"))
                .addProperty("status", new Schema<>().type("integer").example(409))
                .addProperty("detail", new Schema<>().type("string").example("stream p-1 is at version 4, expected 3"))
                .addProperty("instance", new Schema<>().type("string"))
                .addProperty("currentVersion", new Schema<>().type("integer").description("on version conflicts"))
                .addProperty("errors", new Schema<>().type("array").description("on invalid fields: {field, message}")
                        .items(new Schema<>().type("object")
                                .addProperty("field", new Schema<>().type("string"))
                                .addProperty("message", new Schema<>().type("string"))));
    }
}

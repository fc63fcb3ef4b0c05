package dev.eskit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import dev.eskit.support.H2Test;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code clients/openapi/eskit-api.json} is the product's own {@code /v3/api-docs}, from which the
 * build generates a Java client with openapi-generator (see {@code GeneratedClientTest}). When the API
 * changes, this fails until the file is refreshed: run this test with {@code -Deskit.openapi.update=true}.
 */
@H2Test
class OpenApiDocumentTest extends ApiTest {

    static final Path DOCUMENT = Path.of("..", "clients", "openapi", "eskit-api.json");

    @Test
    void theCommittedDocumentIsTheProductsOwn() throws IOException {
        ObjectNode live = (ObjectNode) api.get(Role.NONE, "/v3/api-docs").json();
        live.remove("servers"); // the test instance's random port
        // as maps, so that members are written sorted: springdoc's order of responses changes from one start to the next
        String canonical = Api.JSON.rebuild().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build().writeValueAsString(Api.JSON.convertValue(live, Object.class)) + "\n";
        if (Boolean.getBoolean("eskit.openapi.update")) {
            Files.writeString(DOCUMENT, canonical);
        }
        assertThat(Files.exists(DOCUMENT)).as(DOCUMENT + " exists").isTrue();
        assertThat(Files.readString(DOCUMENT)).as("the committed OpenAPI document is out of date: run OpenApiDocumentTest with "
                + "-Deskit.openapi.update=true and commit " + DOCUMENT).isEqualTo(canonical);
    }
}

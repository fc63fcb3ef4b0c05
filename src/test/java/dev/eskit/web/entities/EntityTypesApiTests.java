package dev.eskit.web.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Types and JSON Schemas (section 4 of the API contract), run on each storage configuration. */
abstract class EntityTypesApiTests extends EntityApiTest {

    private static final Map<String, Object> PERSON = Map.of(
            "type", "object",
            "required", List.of("name"),
            "properties", Map.of("name", Map.of("type", "string", "minLength", 1), "age", Map.of("type", "integer", "minimum", 0)));

    @Test
    void versionsEachSchemaChange() {
        String type = uniquePartition();
        Response first = api.put(Role.WRITER, "/api/v1/types/" + type, Map.of("schema", PERSON));
        Response same = api.put(Role.WRITER, "/api/v1/types/" + type, Map.of("schema", PERSON));
        Response changed = api.put(Role.WRITER, "/api/v1/types/" + type, Map.of("schema", Map.of("type", "object")));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("schemaVersion").asInt()).isEqualTo(2);
        JsonNode read = api.get(Role.READER, "/api/v1/types/" + type).json();
        assertThat(read.get("schema")).isEqualTo(json("{\"type\":\"object\"}"));
        assertThat(texts(api.get(Role.READER, "/api/v1/types").json(), "type")).contains(type);
        assertThat(api.get(Role.READER, "/api/v1/types/" + uniquePartition()).status()).isEqualTo(404);
    }

    @Test
    void refusesASchemaThatIsNotAJsonSchemaWith400() {
        String type = uniquePartition();
        Response nonsense = api.put(Role.WRITER, "/api/v1/types/" + type, Map.of("schema", Map.of("type", "nonsense")));
        Response number = api.put(Role.WRITER, "/api/v1/types/" + type, Map.of("schema", 5));
        Response missing = api.put(Role.WRITER, "/api/v1/types/" + type, Map.of());

        assertThat(nonsense.status()).as(nonsense.toString()).isEqualTo(400);
        assertThat(nonsense.json().get("errors")).isNotEmpty();
        assertThat(number.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(api.get(Role.READER, "/api/v1/types/" + type).status()).isEqualTo(404);
    }

    @Test
    void refusesADocumentThatBreaksTheSchemaWith422ListingEveryViolation() {
        String type = uniquePartition();
        api.put(Role.WRITER, "/api/v1/types/" + type, Map.of("schema", PERSON));

        Response invalid = api.post(Role.WRITER, "/api/v1/entities/" + type, Map.of("age", -1));

        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(422);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalid.json().get("errors")).hasSize(2);
        assertThat(api.get(Role.READER, "/api/v1/entities/" + type).json().get("items")).isEmpty();
        assertThat(api.post(Role.WRITER, "/api/v1/entities/" + type, Map.of("name", "Ada", "age", 36)).status()).isEqualTo(201);
    }

    @Test
    void refusesAPatchWhoseResultBreaksTheSchemaThoughThePatchAloneWouldPass() {
        String type = uniquePartition();
        api.put(Role.WRITER, "/api/v1/types/" + type, Map.of("schema", PERSON));
        String path = "/api/v1/entities/" + type + "/p1";
        putCreating(path, Map.of("name", "Ada", "age", 36));

        Response removesName = patch(path, "\"1\"", "{\"name\":null,\"age\":37}");
        Response replacesBadly = replace(path, "\"1\"", Map.of("age", 37));

        assertThat(removesName.status()).as(removesName.toString()).isEqualTo(422);
        assertThat(removesName.json().get("errors").get(0).get("message").asString()).contains("name");
        assertThat(replacesBadly.status()).isEqualTo(422);
        JsonNode unchanged = api.get(Role.READER, path).json();
        assertThat(unchanged.get("version").asLong()).isEqualTo(1);
        assertThat(unchanged.get("data").get("name").asString()).isEqualTo("Ada");
    }

    @Test
    void appliesANewSchemaFromTheNextWriteOn() {
        String type = uniquePartition();
        String path = "/api/v1/entities/" + type + "/p1";
        putCreating(path, Map.of("nickname", "x"));
        api.put(Role.WRITER, "/api/v1/types/" + type, Map.of("schema", PERSON));

        assertThat(patch(path, "\"1\"", Map.of("nickname", "y")).status()).isEqualTo(422);
        assertThat(patch(path, "\"1\"", Map.of("name", "Ada")).status()).isEqualTo(200);
    }
}

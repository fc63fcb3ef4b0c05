package dev.eskit.commands.entity;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.eskit.commands.api.Rejection.Violation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The types' JSON Schemas (2020-12) as the write side needs them: a lookup table kept in the same
 * transaction as each {@code EntityType.Defined} event, and the compiled schemas, cached by version.
 */
@Component
class EntitySchemas {

    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final JdbcTemplate jdbc;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Schema metaSchema = registry.getSchema(SchemaLocation.of(META_SCHEMA));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    EntitySchemas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What makes {@code schema} not a valid JSON Schema 2020-12; empty when it is one. */
    List<Violation> problemsOf(JsonNode schema) {
        if (!schema.isObject() && !schema.isBoolean()) {
            return List.of(new Violation("schema", "a JSON Schema is an object or a boolean"));
        }
        List<Violation> problems = violations(metaSchema.validate(schema), "schema");
        if (problems.isEmpty()) {
            try {
                registry.getSchema(schema).validate(JsonMapper.shared().createObjectNode());
            } catch (SchemaException | IllegalArgumentException e) {
                return List.of(new Violation("schema", e.getMessage()));
            }
        }
        return problems;
    }

    /** Makes {@code schema} the type's current one; called in the transaction that stores its event. */
    void record(String type, int schemaVersion, JsonNode schema) {
        String json = schema.toString();
        int updated = jdbc.update("UPDATE entity_schema SET schema_version = ?, schema_json = ? WHERE type = ?",
                schemaVersion, json, type);
        if (updated == 0) {
            jdbc.update("INSERT INTO entity_schema (type, schema_version, schema_json) VALUES (?, ?, ?)",
                    type, schemaVersion, json);
        }
    }

    /** How {@code document} breaks its type's current schema; empty when it does not, or the type has none. */
    List<Violation> violationsOf(String type, JsonNode document) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT schema_version, schema_json FROM entity_schema WHERE type = ?", type);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Object> row = rows.get(0);
        String key = type + "@" + row.get("schema_version");
        Schema schema = compiled.computeIfAbsent(key,
                ignored -> registry.getSchema(JsonMapper.shared().readTree((String) row.get("schema_json"))));
        return violations(schema.validate(document), "data");
    }

    private static List<Violation> violations(List<Error> errors, String root) {
        return errors.stream()
                .map(error -> new Violation(root + pointer(error), error.getMessage()))
                .toList();
    }

    private static String pointer(Error error) {
        String location = String.valueOf(error.getInstanceLocation());
        return location.equals("$") ? "" : location.replaceFirst("^\\$", "");
    }
}

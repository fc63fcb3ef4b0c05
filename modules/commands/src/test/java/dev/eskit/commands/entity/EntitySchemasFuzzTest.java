package dev.eskit.commands.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage-guided fuzzing of the schema checks (Jazzer): any JSON is either refused as a schema,
 * with a reason, or accepted, and then validating any document against it answers violations
 * rather than failing: an accepted schema must never turn a later create into a 500.
 */
class EntitySchemasFuzzTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final EntitySchemas SCHEMAS = new EntitySchemas(null);

    @FuzzTest(maxDuration = "60s")
    void aSchemaIsRefusedWithAReasonOrValidatesAnyDocument(@NotNull String schemaText, @NotNull String documentText) {
        JsonNode schema;
        JsonNode document;
        try {
            schema = JSON.readTree(schemaText);
            document = JSON.readTree(documentText);
        } catch (JacksonException notJson) {
            return;
        }
        if (schema.isMissingNode() || document.isMissingNode()) {
            return;
        }
        var problems = SCHEMAS.problemsOf(schema);
        if (!problems.isEmpty()) {
            assertThat(problems).allSatisfy(problem -> assertThat(problem.message()).isNotBlank());
            return;
        }
        EntitySchemas.violationsOf(SCHEMAS.compile(schema), document);
    }
}

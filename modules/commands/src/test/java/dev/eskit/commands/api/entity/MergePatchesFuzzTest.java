package dev.eskit.commands.api.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage-guided fuzzing of JSON Merge Patch (RFC 7396, Jazzer): for any two JSON documents,
 * applying a patch twice changes nothing more than applying it once, and the diff of two
 * documents, applied to the first, gives the second.
 */
class MergePatchesFuzzTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @FuzzTest(maxDuration = "60s")
    void patchesAreIdempotentAndDiffsApplyBack(@NotNull String target, @NotNull String patch) {
        JsonNode document;
        JsonNode changes;
        try {
            document = JSON.readTree(target);
            changes = JSON.readTree(patch);
        } catch (JacksonException notJson) {
            return;
        }
        if (document.isMissingNode() || changes.isMissingNode()) {
            return;
        }
        JsonNode once = MergePatches.apply(document.deepCopy(), changes);
        assertThat(MergePatches.apply(once.deepCopy(), changes)).isEqualTo(once);
        assertThat(MergePatches.apply(document.deepCopy(), MergePatches.diff(document, once)))
                .isEqualTo(MergePatches.normalize(once));
    }
}

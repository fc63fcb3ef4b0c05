package dev.eskit.commands.api.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * ESKIT's merge patch (RFC 7396) against Jakarta JSON-P's (Parsson) as the oracle: the same
 * documents, the same diffs, members in the same order, for trees drawn from a small alphabet of
 * names so that patches and documents overlap; and the arguments are never changed.
 */
class MergePatchesTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonProvider JSON_P = JsonProvider.provider();

    @Property(tries = 2000)
    void appliesAPatchAsJsonPDoes(@ForAll("values") JsonNode target, @ForAll("values") JsonNode patch) {
        String targetBefore = target.toString();
        String patchBefore = patch.toString();

        JsonNode applied = MergePatches.apply(target, patch);

        assertThat(applied.toString())
                .isEqualTo(viaJackson(JSON_P.createMergePatch(jsonP(patch)).apply(jsonP(target))));
        assertThat(target.toString()).isEqualTo(targetBefore);
        assertThat(patch.toString()).isEqualTo(patchBefore);
    }

    @Property(tries = 2000)
    void diffsAsJsonPDoesAndTheDiffAppliesBack(@ForAll("documents") JsonNode from, @ForAll("documents") JsonNode to) {
        JsonNode normalized = MergePatches.normalize(to);

        JsonNode diff = MergePatches.diff(from, normalized);

        assertThat(diff.toString()).isEqualTo(viaJackson(JSON_P.createMergeDiff(jsonP(from), jsonP(normalized)).toJsonValue()));
        assertThat(MergePatches.apply(from, diff)).isEqualTo(normalized);
    }

    @Example
    void comparesNumbersByTheirDecimalValue() {
        ObjectNode from = NODES.objectNode().put("price", 1.5).put("count", 1);
        ObjectNode to = NODES.objectNode().put("price", new BigDecimal("1.5")).put("count", 1.0);

        assertThat(MergePatches.diff(from, to).toString()).isEqualTo("{\"count\":1.0}");
    }

    @Example
    void changingAResultLeavesTheCachedDocumentAlone() {
        ObjectNode document = (ObjectNode) JSON.readTree("{\"a\":{\"b\":[1,2]},\"c\":1}");

        ObjectNode patched = (ObjectNode) MergePatches.apply(document, JSON.readTree("{\"c\":2}"));
        ((ObjectNode) patched.get("a")).put("b", 3);

        assertThat(document.toString()).isEqualTo("{\"a\":{\"b\":[1,2]},\"c\":1}");
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        return objects(3);
    }

    @Provide
    Arbitrary<JsonNode> values() {
        return value(3);
    }

    private static Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.integers().between(-2, 2).map(number -> NODES.numberNode(number)),
                Arbitraries.of(1.0, -0.25, 1.5e20).map(number -> NODES.numberNode(number)),
                Arbitraries.of("", "a", "é", "null").map(NODES::stringNode));
        if (depth == 0) {
            return leaves;
        }
        return Arbitraries.frequencyOf(Tuple.of(4, leaves), Tuple.of(3, objects(depth - 1)), Tuple.of(1, arrays(depth - 1)));
    }

    private static Arbitrary<JsonNode> objects(int depth) {
        return Arbitraries.of("a", "b", "c", "d").list().uniqueElements().ofMaxSize(4)
                .flatMap(names -> value(depth).list().ofSize(names.size()).map(values -> object(names, values)));
    }

    private static Arbitrary<JsonNode> arrays(int depth) {
        return value(depth).list().ofMaxSize(3).map(values -> NODES.arrayNode().addAll(values));
    }

    private static JsonNode object(List<String> names, List<JsonNode> values) {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < names.size(); i++) {
            object.set(names.get(i), values.get(i));
        }
        return object;
    }

    private static JsonValue jsonP(JsonNode node) {
        try (var reader = JSON_P.createReader(new StringReader(node.toString()))) {
            return reader.readValue();
        }
    }

    private static String viaJackson(JsonValue value) {
        return JSON.readTree(value.toString()).toString();
    }
}

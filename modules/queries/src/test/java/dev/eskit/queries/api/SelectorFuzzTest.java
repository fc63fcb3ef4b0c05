package dev.eskit.queries.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Coverage-guided fuzzing of the selector parser (Jazzer): any text is refused as an invalid
 * selector or parses to one that matches any type name without failing and reads back the same.
 */
class SelectorFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void aSelectorIsRefusedOrMatchesWithoutFailing(@NotNull String text, @NotNull String type) {
        Selector selector;
        try {
            selector = Selector.parse(text);
        } catch (InvalidSelectorException refused) {
            return;
        }
        selector.matches(type);
        assertThat(Selector.parse(selector.toString())).isEqualTo(selector);
    }
}

package dev.eskit.queries.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.eskit.queries.api.InvalidCursorException;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Coverage-guided fuzzing of the cursor parser (Jazzer): any string is either refused as an
 * invalid cursor or stands for a token that encodes back to an equal one; nothing else escapes.
 * CI replays the inputs under src/test/resources; {@code JAZZER_FUZZ=1} fuzzes (docs/tests.md).
 */
class CursorsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void aCursorIsRefusedOrRoundTrips(@NotNull String cursor) {
        TrackingToken token;
        try {
            token = Cursors.decode(cursor);
        } catch (InvalidCursorException refused) {
            return;
        }
        assertThat(Cursors.decode(Cursors.encode(token))).isEqualTo(token);
    }
}

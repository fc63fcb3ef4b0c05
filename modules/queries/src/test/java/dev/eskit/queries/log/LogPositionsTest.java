package dev.eskit.queries.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

class LogPositionsTest {

    @Test
    void anEventAboveTheIndexSitsAtTheNewIndex() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(10, List.of());
        assertThat(LogPositions.of(before, before.advanceTo(13, 10_000))).isEqualTo(13);
    }

    @Test
    void anEventThatCommittedLateSitsAtTheGapItFilled() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(13, List.of(11L, 12L));
        assertThat(LogPositions.of(before, before.advanceTo(12, 10_000))).isEqualTo(12);
    }

    @Test
    void theFirstEventSitsAtItsIndex() {
        assertThat(LogPositions.of(null, GapAwareTrackingToken.newInstance(1, List.of()))).isEqualTo(1);
    }
}

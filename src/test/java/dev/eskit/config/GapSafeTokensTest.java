package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

/** How a reader's token moves over a batch, given the position up to which the log was final before it. */
class GapSafeTokensTest {

    @Test
    void keepsAGapForEverySkippedPositionThatMayStillCommit() {
        GapAwareTrackingToken token = GapSafeJdbcEventStorageEngine.advance(GapAwareTrackingToken.newInstance(10, List.of()), 14, 11);

        assertThat(token.getIndex()).isEqualTo(14);
        assertThat(token.getGaps()).containsExactly(12L, 13L);
    }

    @Test
    void keepsAnOldGapHoweverFarBehindWhileItMayStillCommit() {
        GapAwareTrackingToken token = GapSafeJdbcEventStorageEngine.advance(GapAwareTrackingToken.newInstance(50_000, List.of(7L)), 50_001, 6);

        assertThat(token.getGaps()).containsExactly(7L);
    }

    @Test
    void dropsAGapOnceItWasFinalBeforeTheBatchAndTheBatchPassedItWithoutFillingIt() {
        GapAwareTrackingToken token = GapSafeJdbcEventStorageEngine.advance(GapAwareTrackingToken.newInstance(20, List.of(7L, 15L)), 21, 10);

        assertThat(token.getGaps()).containsExactly(15L);
    }

    @Test
    void closesTheGapThatALateEventFillsAndKeepsTheIndex() {
        GapAwareTrackingToken token = GapSafeJdbcEventStorageEngine.advance(GapAwareTrackingToken.newInstance(20, List.of(7L, 15L)), 7, 30);

        assertThat(token.getIndex()).isEqualTo(20);
        assertThat(token.getGaps()).containsExactly(15L);
    }

    @Test
    void startsFromTheBeginningWithGapsOnlyAboveWhatWasFinal() {
        GapAwareTrackingToken token = GapSafeJdbcEventStorageEngine.advance(null, 6, 3);

        assertThat(token.getIndex()).isEqualTo(6);
        assertThat(token.getGaps()).containsExactly(4L, 5L);
    }
}

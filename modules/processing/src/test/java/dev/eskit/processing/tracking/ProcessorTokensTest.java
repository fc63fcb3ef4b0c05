package dev.eskit.processing.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** How far a segment has come, read from its stored token alone. */
class ProcessorTokensTest {

    @Test
    void aSegmentThatHandledNothingIsAtTheStartAndNotReplaying() {
        assertThat(ProcessorTokens.position(null)).isZero();
        assertThat(ProcessorTokens.replaying(null)).isFalse();
    }

    @Test
    void aReplayIsAsFarAsItsPositionOutOfThePositionAtTheReset() {
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(200), new GlobalSequenceTrackingToken(50));

        assertThat(ProcessorTokens.position(replay)).isEqualTo(50);
        assertThat(ProcessorTokens.replayProgress(replay)).isEqualTo(0.25);
        assertThat(ProcessorTokens.replaying(replay)).isTrue();
    }

    @Test
    void aReplayThatReachedItsResetPointIsDoneEvenWhileAxonKeepsItsReplayToken() {
        TrackingToken reached = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(200), new GlobalSequenceTrackingToken(200));

        assertThat(ProcessorTokens.replayProgress(reached)).isEqualTo(1);
        assertThat(ProcessorTokens.replaying(reached)).isFalse();
    }

    @Test
    void aTokenThatIsNoReplayIsNotReplaying() {
        assertThat(ProcessorTokens.replayProgress(new GlobalSequenceTrackingToken(7))).isEqualTo(1);
        assertThat(ProcessorTokens.position(new GlobalSequenceTrackingToken(7))).isEqualTo(7);
    }
}

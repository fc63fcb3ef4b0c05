package dev.eskit.queries.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eskit.queries.api.InvalidCursorException;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void roundTripsAGapAwareTokenWithItsGaps() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(1_000_123, List.of(5L, 999_000L, 1_000_120L));
        assertThat(Cursors.decode(Cursors.encode(token))).isEqualTo(token);
    }

    @Test
    void roundTripsTheStartAndAGlobalSequence() {
        assertThat(Cursors.decode(Cursors.encode(null))).isNull();
        assertThat(Cursors.decode(Cursors.encode(new GlobalSequenceTrackingToken(42)))).isEqualTo(new GlobalSequenceTrackingToken(42));
    }

    @Test
    void staysShortAndUrlSafe() {
        String cursor = Cursors.encode(GapAwareTrackingToken.newInstance(123_456_789, List.of(123_456_700L, 123_456_788L)));
        assertThat(cursor).matches("[A-Za-z0-9_-]+").hasSizeLessThan(20);
    }

    @Test
    void refusesWhatItDidNotHandOut() {
        for (String bad : List.of("", "!!", "AQ", "BQEA", "AQEAAA", "AQEBAg", "AQUBCg")) {
            assertThatThrownBy(() -> Cursors.decode(bad)).as(bad).isInstanceOf(InvalidCursorException.class);
        }
    }

    @Test
    void aBackwardCursorHoldsThePositionItsNextPageStaysBelowAndOnlyABackwardReadTakesIt() {
        String backward = Cursors.encodeBackward(1_234_567);
        assertThat(Cursors.backwardStart(backward)).isEqualTo(1_234_567);
        assertThatThrownBy(() -> Cursors.decode(backward)).isInstanceOf(InvalidCursorException.class).hasMessageContaining("backward");
        assertThatThrownBy(() -> Cursors.backwardStart(backward + "AA")).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void aBackwardReadFromAForwardCursorStartsJustAboveWhatThatReaderRead() {
        assertThat(Cursors.backwardStart(Cursors.encode(GapAwareTrackingToken.newInstance(41, List.of(40L))))).isEqualTo(42);
        assertThat(Cursors.backwardStart(Cursors.encode(new GlobalSequenceTrackingToken(7)))).isEqualTo(8);
        assertThat(Cursors.backwardStart(Cursors.encode(null))).isZero();
    }
}

package dev.eskit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
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

    /**
     * While nothing is known to be final, the token moves exactly as Axon's own does without a gap
     * limit: the copy differs from Axon's only in what it drops, and this pins the rest to Axon's
     * class, so that an upgrade that changes Axon's tokens fails here. Commits come in a random order,
     * as concurrent transactions commit, and the reader sees each one once it has committed.
     */
    @Test
    void movesLikeAxonsOwnTokenWhileNothingIsFinal() {
        Random random = new Random(20261206);
        for (int run = 0; run < 500; run++) {
            GapAwareTrackingToken ours = null;
            GapAwareTrackingToken axons = null;
            for (long position : readOrder(random, 1 + random.nextInt(80))) {
                ours = GapSafeJdbcEventStorageEngine.advance(ours, position, 0);
                // the first token as Axon's JDBC engine makes it, with its lowest global sequence at 1
                axons = axons == null
                        ? GapAwareTrackingToken.newInstance(position, LongStream.range(1, position).boxed().toList())
                        : axons.advanceTo(position, Integer.MAX_VALUE);
                assertThat(ours).as("run %d, position %d", run, position).isEqualTo(axons);
            }
        }
    }

    /** Positions 1..count in the order a reader sees them: about one in five commits up to 20 positions late. */
    private static List<Long> readOrder(Random random, int count) {
        List<long[]> commits = new ArrayList<>();
        for (long position = 1; position <= count; position++) {
            long delay = random.nextInt(5) == 0 ? 1 + random.nextInt(20) : 0;
            commits.add(new long[] {position + delay, position});
        }
        commits.sort(Comparator.<long[]>comparingLong(commit -> commit[0]).thenComparingLong(commit -> commit[1]));
        return commits.stream().map(commit -> commit[1]).toList();
    }
}

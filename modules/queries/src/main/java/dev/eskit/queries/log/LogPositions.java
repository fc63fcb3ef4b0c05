package dev.eskit.queries.log;

import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The log position of the event a token step consumed. A gap-aware token's index is the highest
 * position seen, so an event that commits late, filling a gap below it, leaves the index where it
 * was; its own position is the gap that the step closed.
 */
final class LogPositions {

    private LogPositions() {
    }

    static long of(TrackingToken before, TrackingToken after) {
        if (before instanceof GapAwareTrackingToken previous && after instanceof GapAwareTrackingToken next
                && next.getIndex() == previous.getIndex()) {
            SortedSet<Long> closed = new TreeSet<>(previous.getGaps());
            closed.removeAll(next.getGaps());
            if (!closed.isEmpty()) {
                // gaps that fell out of the token's window close in the same step, but always below the filled one
                return closed.last();
            }
        }
        return after.position().orElse(0);
    }
}

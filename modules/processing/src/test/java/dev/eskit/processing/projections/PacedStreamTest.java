package dev.eskit.processing.projections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.processing.projections.PacedProjectionFeed.PacedStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.junit.jupiter.api.Test;

/** The projections' feed, asked the way Axon's tracking processor asks it for batches. */
class PacedStreamTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Log log = new Log();
    private final PacedStream<Integer> stream = new PacedStream<>(log, INTERVAL.toNanos());

    @Test
    void aLoneWriteIsTakenAtOnce() throws Exception {
        log.append(1);

        long began = System.nanoTime();
        assertThat(batch(10)).containsExactly(1);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(INTERVAL.dividedBy(2));
    }

    @Test
    void atTheHeadTheNextBatchWaitsOutTheIntervalAndTakesEverythingThatCameMeanwhile() throws Exception {
        log.append(1);
        long began = System.nanoTime();
        assertThat(batch(10)).containsExactly(1);
        log.append(2);
        log.append(3);

        assertThat(batch(10)).containsExactly(2, 3);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(INTERVAL);
    }

    @Test
    void aProjectionThatIsBehindNeverWaits() throws Exception {
        for (int event = 1; event <= 5; event++) {
            log.append(event);
        }

        long began = System.nanoTime();
        assertThat(batch(2)).containsExactly(1, 2);
        assertThat(batch(2)).containsExactly(3, 4);
        assertThat(batch(2)).containsExactly(5);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(INTERVAL.dividedBy(2));
    }

    @Test
    void noWaitOnceTheIntervalHasPassedSinceTheLastBatchBegan() throws Exception {
        log.append(1);
        assertThat(batch(10)).containsExactly(1);
        assertThat(stream.hasNextAvailable((int) INTERVAL.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)).isFalse();
        log.append(2);

        long began = System.nanoTime();
        assertThat(batch(10)).containsExactly(2);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(INTERVAL.dividedBy(2));
    }

    /** As TrackingEventProcessor.processBatch takes one: wait for an event, then take while peek() finds more. */
    private List<Integer> batch(int size) throws InterruptedException {
        List<Integer> batch = new ArrayList<>();
        if (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
            batch.add(stream.nextAvailable());
            while (batch.size() < size && stream.peek().isPresent()) {
                batch.add(stream.nextAvailable());
            }
        }
        return batch;
    }

    /** The event store's stream, reduced to a queue that writers append to. */
    private static final class Log implements BlockingStream<Integer> {

        private final LinkedBlockingDeque<Integer> events = new LinkedBlockingDeque<>();

        void append(int event) {
            events.add(event);
        }

        @Override
        public Optional<Integer> peek() {
            return Optional.ofNullable(events.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            Integer next = events.poll(timeout, unit);
            if (next != null) {
                events.addFirst(next);
            }
            return next != null;
        }

        @Override
        public Integer nextAvailable() throws InterruptedException {
            return events.take();
        }

        @Override
        public void close() {
        }
    }
}

package dev.eskit.console;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Events stored per second, from the log's head as the overview samples it each time it renders,
 * over the last ten seconds: no work at all while nobody looks.
 */
@Component
class HeadRate {

    private static final long WINDOW = TimeUnit.SECONDS.toNanos(10);
    private static final long SHORTEST = TimeUnit.MILLISECONDS.toNanos(900);

    private final Deque<Sample> samples = new ArrayDeque<>();

    synchronized OptionalDouble perSecond(long head, long nanoTime) {
        samples.addLast(new Sample(nanoTime, head));
        while (samples.size() > 2 && nanoTime - samples.peekFirst().nanoTime() > WINDOW) {
            samples.removeFirst();
        }
        Sample oldest = samples.peekFirst();
        long elapsed = nanoTime - oldest.nanoTime();
        return elapsed < SHORTEST ? OptionalDouble.empty()
                : OptionalDouble.of((head - oldest.head()) * 1e9 / elapsed);
    }

    private record Sample(long nanoTime, long head) {
    }
}

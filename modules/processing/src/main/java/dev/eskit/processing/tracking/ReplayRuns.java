package dev.eskit.processing.tracking;

import dev.eskit.processing.api.ReplayRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The replays this instance started. A watcher notes the moment each one ends, so that its speed
 * is known even when nobody asks for the processor's status while it runs.
 */
@Component
class ReplayRuns implements DisposableBean {

    private static final Duration WATCH_INTERVAL = Duration.ofMillis(50);

    private final Map<String, ReplayRun> runs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "eskit-replay-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;

    ReplayRuns(Clock clock) {
        this.clock = clock;
    }

    /** Records a replay of {@code events} events as started, and watches {@code finished} until it holds. */
    void started(String processor, long events, BooleanSupplier finished) {
        Instant startedAt = clock.instant();
        runs.put(processor, new ReplayRun(ReplayRun.RUNNING, startedAt, null, events, null));
        watcher.schedule(new Runnable() {
            @Override
            public void run() {
                if (finished.getAsBoolean()) {
                    completed(processor, startedAt);
                } else {
                    watcher.schedule(this, WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }, WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    Optional<ReplayRun> last(String processor) {
        return Optional.ofNullable(runs.get(processor));
    }

    private void completed(String processor, Instant startedAt) {
        runs.computeIfPresent(processor, (name, run) -> {
            if (!run.startedAt().equals(startedAt)) {
                return run;
            }
            Instant finishedAt = clock.instant();
            double seconds = Math.max(Duration.between(startedAt, finishedAt).toNanos(), 1) / 1e9;
            return new ReplayRun(ReplayRun.COMPLETED, startedAt, finishedAt, run.events(),
                    Math.round(run.events() / seconds * 10) / 10.0);
        });
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }
}

package dev.eskit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Closed-loop load: {@code clients} threads each send one request after another for a while. */
final class Load {

    /** One request of one client; {@code index} counts that client's requests. */
    @FunctionalInterface
    interface Request {
        void send(int client, long index) throws Exception;
    }

    /** What a run did: requests per second and their latencies in microseconds. */
    record Result(int clients, long requests, double seconds, Histogram latencyMicros) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private Load() {
    }

    /** Runs a warm-up of a fifth of {@code duration} unmeasured, then measures for {@code duration}. */
    static Result run(int clients, Duration duration, Request request) throws Exception {
        run(clients, duration.dividedBy(5), request, null);
        Recorder recorder = new Recorder(3);
        long started = System.nanoTime();
        long requests = run(clients, duration, request, recorder);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(clients, requests, seconds, recorder.getIntervalHistogram());
    }

    /**
     * Sends requests paced to {@code perSecond} in all. A latency counts from the moment a request
     * was due, so a stall shows in every request it delayed, not only in the one that met it.
     */
    static Result paced(int clients, Duration duration, double perSecond, Request request) throws Exception {
        Recorder recorder = new Recorder(3);
        long interval = (long) (1e9 * clients / perSecond);
        long started = System.nanoTime();
        long requests = run(clients, duration, (client, index) -> {
            long due = started + index * interval + client * interval / clients;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            request.send(client, index);
            recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1_000));
        }, null);
        return new Result(clients, requests, (System.nanoTime() - started) / 1e9, recorder.getIntervalHistogram());
    }

    private static long run(int clients, Duration duration, Request request, Recorder recorder) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong count = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (long i = 0; System.nanoTime() < deadline; i++) {
                        long sent = System.nanoTime();
                        request.send(client, i);
                        if (recorder != null) {
                            recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                        }
                        count.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return count.get();
    }
}

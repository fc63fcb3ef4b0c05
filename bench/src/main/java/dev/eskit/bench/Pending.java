package dev.eskit.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Recorder;

/**
 * Streams whose 201 and Kafka record have not both been seen yet. The record can reach the consumer
 * before the 201 reaches the client (the write waits for its projection), so whichever comes first
 * waits here for the other; a record that came first counts as no lag at all.
 */
final class Pending {

    private record Seen(boolean acknowledged, long at) {
    }

    private final Map<String, Seen> streams = new ConcurrentHashMap<>();
    private final Recorder lags;

    Pending(Recorder lags) {
        this.lags = lags;
    }

    void acknowledged(String stream) {
        long now = System.nanoTime();
        streams.compute(stream, (key, seen) -> {
            if (seen == null) {
                return new Seen(true, now);
            }
            lags.recordValue(1);
            return null;
        });
    }

    void published(String stream) {
        long now = System.nanoTime();
        streams.compute(stream, (key, seen) -> {
            if (seen == null) {
                return new Seen(false, now);
            }
            lags.recordValue(Math.max(1, (now - seen.at()) / 1_000));
            return null;
        });
    }

    /** Acknowledged writes whose record has not been seen. */
    long missing() {
        return streams.values().stream().filter(Seen::acknowledged).count();
    }
}

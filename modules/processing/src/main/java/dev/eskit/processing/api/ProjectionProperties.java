package dev.eskit.processing.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eskit.projections.*}: how long a write waits for the projections to show it, how often a
 * projection at the log's head takes a batch at most (see the projections' feed), and how much each
 * projection's dead-letter queue may hold.
 */
@ConfigurationProperties("eskit.projections")
public record ProjectionProperties(Duration readYourWritesTimeout, Duration minBatchInterval, DeadLetters deadLetters) {

    public ProjectionProperties {
        readYourWritesTimeout = readYourWritesTimeout == null ? Duration.ofSeconds(5) : readYourWritesTimeout;
        minBatchInterval = minBatchInterval == null ? Duration.ofMillis(10) : minBatchInterval;
        deadLetters = deadLetters == null ? new DeadLetters(0, 0) : deadLetters;
    }

    /** How many streams may have parked events, and how many events each, before the queue refuses more. */
    public record DeadLetters(int maxSequences, int maxSequenceSize) {

        public DeadLetters {
            maxSequences = maxSequences < 1 ? 1024 : maxSequences;
            maxSequenceSize = maxSequenceSize < 1 ? 1024 : maxSequenceSize;
        }
    }
}

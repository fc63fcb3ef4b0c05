package dev.eskit.processing.api;

import java.util.List;

/**
 * Events that a projection's handler failed on, parked in Axon's sequenced dead-letter queue with
 * their cause. Later events of the same stream wait behind them, in order; other streams go on.
 */
public interface DeadLetters {

    /** Every parked event of every projection, each stream's in the order they will be retried. */
    List<DeadLetter> all();

    /**
     * Hands the stream of that dead letter back to its projection, from the stream's first parked
     * event on; the events that now succeed leave the queue, and the first that fails again stays.
     *
     * @throws UnknownDeadLetterException when no dead letter has that id
     */
    RetryOutcome retry(String id);

    /**
     * Drops the event for good: the projection will never see it. The stream's next parked event
     * becomes its first.
     *
     * @throws UnknownDeadLetterException when no dead letter has that id
     */
    void delete(String id);
}

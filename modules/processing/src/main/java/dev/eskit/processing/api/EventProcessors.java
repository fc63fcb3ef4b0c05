package dev.eskit.processing.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every event processor of the application that follows the log on its own (the streaming ones):
 * where it stands in the log, and replays of the projections.
 */
public interface EventProcessors {

    /** The names of this instance's processors, in order; unlike {@link #all()}, without asking the store anything. */
    List<String> names();

    List<ProcessorStatus> all();

    Optional<ProcessorStatus> find(String name);

    /**
     * Rebuilds a projection from the start of the log: Axon resets the tokens of all its segments and
     * calls its reset handler, which empties its tables, and the processor replays every event.
     *
     * @throws UnknownProcessorException when there is no processor of that name
     * @throws ReplayRefusedException when it is not a projection, or a replay of it is running
     */
    ProcessorStatus replay(String name);

    /** Whether this instance is replaying the processor now; cheap, from the live status. */
    boolean replaying(String name);

    /**
     * Waits until the processor has handled the event at {@code position}, at most {@code timeout}.
     * Returns at once while the processor replays, since the wait could not end in time.
     *
     * @return whether the processor had handled the event when this returned
     */
    boolean awaitProcessed(String name, long position, Duration timeout) throws InterruptedException;
}

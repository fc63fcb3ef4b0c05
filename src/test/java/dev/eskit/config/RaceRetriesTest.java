package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.commands.api.Rejection;
import dev.eskit.commands.api.Rejection.Reason;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RaceRetriesTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final RaceRetries retries = new RaceRetries(ExponentialBackOffIntervalRetryScheduler.builder()
            .retryExecutor(executor).maxRetryCount(2).backoffFactor(1).nonTransientFailurePredicate(failure -> false).build());
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("append");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A lost race carries the store's SQL error inside, which Axon's own predicate calls non-transient. */
    @Test
    void runsALostRaceAgainUpToTheLimit() throws InterruptedException {
        RuntimeException lostRace = failure(Reason.CONCURRENT_WRITE,
                new ConcurrencyException("taken", new SQLException("duplicate key", "23505")));
        AtomicInteger runs = new AtomicInteger();
        assertThat(retries.scheduleRetry(command, lostRace, failures(1), runs::incrementAndGet)).isTrue();
        assertThat(retries.scheduleRetry(command, lostRace, failures(2), runs::incrementAndGet)).isTrue();
        assertThat(retries.scheduleRetry(command, lostRace, failures(3), runs::incrementAndGet)).isFalse();
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void answersARefusalAtOnce() {
        assertThat(retries.scheduleRetry(command, failure(Reason.GATHERING_FULL, null), failures(1), () -> { })).isFalse();
    }

    @Test
    void answersAFaultAtOnce() {
        assertThat(retries.scheduleRetry(command, new IllegalStateException("a bug"), failures(1), () -> { })).isFalse();
    }

    private static RuntimeException failure(Reason reason, Throwable cause) {
        return new CommandExecutionException("failed", cause, new Rejection(reason, "failed", null));
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        return Collections.nCopies(count, new Class[] {CommandExecutionException.class});
    }
}

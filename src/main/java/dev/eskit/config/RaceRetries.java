package dev.eskit.config;

import dev.eskit.commands.api.Rejection;
import dev.eskit.commands.api.Rejection.Reason;
import java.util.List;
import javax.annotation.Nonnull;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;

/**
 * Runs a command again when it lost a race, and never otherwise. Axon's schedulers decide the
 * opposite way (retry unless some cause in the chain is non-transient), and a lost race always
 * carries a non-transient cause (the SQL error inside it), so they never retried one; this asks
 * the one question that matters, on the failure as {@link NamedFailuresCommandBus} named it, and
 * leaves the back-off to Axon.
 */
final class RaceRetries implements RetryScheduler {

    private final RetryScheduler backOff;

    RaceRetries(RetryScheduler backOff) {
        this.backOff = backOff;
    }

    @Override
    public boolean scheduleRetry(@Nonnull CommandMessage commandMessage, @Nonnull RuntimeException lastFailure,
                                 @Nonnull List<Class<? extends Throwable>[]> failures, @Nonnull Runnable commandDispatch) {
        return Rejection.is(lastFailure, Reason.CONCURRENT_WRITE)
                && backOff.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
    }
}

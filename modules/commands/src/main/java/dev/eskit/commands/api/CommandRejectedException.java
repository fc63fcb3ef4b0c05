package dev.eskit.commands.api;

import org.axonframework.commandhandling.CommandExecutionException;

/** An aggregate's refusal of a command: a business conflict, not a fault. Nothing was stored. */
public class CommandRejectedException extends CommandExecutionException {

    public CommandRejectedException(Rejection rejection) {
        super(rejection.detail(), null, rejection);
    }

    /** A refusal for a stream at {@code currentVersion} (null where no stream is concerned). */
    public static CommandRejectedException of(Rejection.Reason reason, String detail, Long currentVersion) {
        return new CommandRejectedException(new Rejection(reason, detail, currentVersion));
    }

    public Rejection rejection() {
        return (Rejection) getDetails().orElseThrow();
    }
}

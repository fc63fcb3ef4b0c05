package dev.eskit.commands.api;

import org.axonframework.commandhandling.CommandExecutionException;

/** An aggregate's refusal of a command: a business conflict, not a fault. Nothing was stored. */
public class CommandRejectedException extends CommandExecutionException {

    public CommandRejectedException(Rejection rejection) {
        super(rejection.detail(), null, rejection);
    }

    public Rejection rejection() {
        return (Rejection) getDetails().orElseThrow();
    }
}

package dev.eskit.config;

import static org.axonframework.common.ExceptionUtils.findException;

import dev.eskit.commands.api.Rejection;
import dev.eskit.commands.api.Rejection.Reason;
import javax.annotation.Nonnull;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * The bus that runs this instance's command handlers (Axon's "local segment"), naming every failure
 * the sender must tell apart as a {@link Rejection}. On Axon Server a command's result crosses the
 * network serialized and only an exception's details keep their type: the sender sees a remote
 * exception with a message, not a {@code ConcurrencyException}. So a lost race, an unknown
 * aggregate or an unreachable database is named here, where it happened, after the unit of work's
 * commit, and the gateway's retries and the HTTP layer read the same {@link Rejection} on both stores.
 */
final class NamedFailuresCommandBus implements CommandBus {

    private final CommandBus handlers;

    NamedFailuresCommandBus(CommandBus handlers) {
        this.handlers = handlers;
    }

    @Override
    public <C> void dispatch(@Nonnull CommandMessage<C> command) {
        handlers.dispatch(command);
    }

    @Override
    public <C, R> void dispatch(@Nonnull CommandMessage<C> command, @Nonnull CommandCallback<? super C, ? super R> callback) {
        handlers.dispatch(command, (CommandCallback<C, R>) (message, result) -> callback.onResult(message,
                result.isExceptional() ? GenericCommandResultMessage.asCommandResultMessage(named(result.exceptionResult())) : result));
    }

    /** The failure as the sender should see it: with a {@link Rejection} wherever one applies. */
    static Throwable named(Throwable failure) {
        if (Rejection.of(failure).isPresent()) {
            return failure;
        }
        if (findException(failure, ConcurrencyException.class).isPresent()
                || findException(failure, AggregateStreamCreationException.class).isPresent()) {
            return rejected(failure, Reason.CONCURRENT_WRITE,
                    "another writer stored this resource's next version first; nothing was stored");
        }
        if (findException(failure, AggregateNotFoundException.class).isPresent()) {
            return rejected(failure, Reason.NOT_FOUND, "no such resource");
        }
        if (StoreUnavailable.isCause(failure)) {
            return rejected(failure, Reason.STORE_UNAVAILABLE, "the event store cannot be reached");
        }
        return failure;
    }

    private static CommandExecutionException rejected(Throwable failure, Reason reason, String detail) {
        return new CommandExecutionException(detail, failure, new Rejection(reason, detail, null));
    }

    @Override
    public Registration subscribe(@Nonnull String commandName, @Nonnull MessageHandler<? super CommandMessage<?>> handler) {
        return handlers.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(@Nonnull MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        return handlers.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(@Nonnull MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return handlers.registerDispatchInterceptor(interceptor);
    }
}

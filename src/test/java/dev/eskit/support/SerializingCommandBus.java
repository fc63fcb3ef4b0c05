package dev.eskit.support;

import io.axoniq.axonserver.grpc.command.Command;
import javax.annotation.Nonnull;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Sends every command to the local handlers the way Axon Server's command bus does, without a
 * server: the command becomes the connector's gRPC {@link Command} and is read back on the
 * "handling side", and its result or failure becomes a gRPC response read back on the "sending
 * side", both through the connector's own {@link CommandSerializer} and the application's message
 * serializer. A message without type information, a result that cannot be read back, or a failure
 * whose details do not survive fails here as it would on a real server.
 */
final class SerializingCommandBus implements CommandBus {

    private final CommandBus localSegment;
    private final CommandSerializer wire;

    SerializingCommandBus(CommandBus localSegment, Serializer messageSerializer) {
        this.localSegment = localSegment;
        this.wire = new CommandSerializer(messageSerializer, new AxonServerConfiguration());
    }

    @Override
    public <C> void dispatch(@Nonnull CommandMessage<C> command) {
        dispatch(command, (message, result) -> {
        });
    }

    @Override
    public <C, R> void dispatch(@Nonnull CommandMessage<C> command, @Nonnull CommandCallback<? super C, ? super R> callback) {
        Command sent = wire.serialize(command, command.getCommandName(), 0);
        localSegment.dispatch(wire.deserialize(sent), (received, result) -> {
            CommandResultMessage<R> returned = wire.deserialize(wire.serialize(result, sent.getMessageIdentifier()));
            callback.onResult(command, returned);
        });
    }

    @Override
    public Registration subscribe(@Nonnull String commandName, @Nonnull MessageHandler<? super CommandMessage<?>> handler) {
        return localSegment.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(@Nonnull MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        return localSegment.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(@Nonnull MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return localSegment.registerDispatchInterceptor(interceptor);
    }

    /** The bus every gateway call goes through, unless a real Axon Server is configured. */
    @TestConfiguration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    static class Configuration {

        @Bean
        @Primary
        CommandBus serializingCommandBus(@Qualifier("localSegment") CommandBus localSegment,
                                         @Qualifier("messageSerializer") Serializer messageSerializer) {
            return new SerializingCommandBus(localSegment, messageSerializer);
        }
    }
}

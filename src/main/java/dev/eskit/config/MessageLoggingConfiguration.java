package dev.eskit.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the Axon message being handled into the logging context, so every log line written while
 * a command is handled names it beside the request id and the actor.
 */
@Configuration(proxyBeanMethods = false)
class MessageLoggingConfiguration {

    private static final Logger log = LoggerFactory.getLogger("dev.eskit.commands");

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> commandLoggingContext() {
        return (unitOfWork, chain) -> {
            CommandMessage<?> command = unitOfWork.getMessage();
            try (MDC.MDCCloseable id = MDC.putCloseable("messageId", command.getIdentifier());
                 MDC.MDCCloseable type = MDC.putCloseable("messageType", command.getCommandName())) {
                long started = System.nanoTime();
                Object result = chain.proceed();
                log.debug("handled {} in {} µs", command.getCommandName(), (System.nanoTime() - started) / 1_000);
                return result;
            }
        };
    }
}

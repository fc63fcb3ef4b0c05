package dev.eskit.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the Axon message being handled into the logging context, so every log line names it. */
@Configuration(proxyBeanMethods = false)
class MessageLoggingConfiguration {

    static final String MESSAGE_ID = "messageId";
    static final String MESSAGE_TYPE = "messageType";

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> commandLoggingContext() {
        return (unitOfWork, chain) -> {
            CommandMessage<?> command = unitOfWork.getMessage();
            try (MDC.MDCCloseable id = MDC.putCloseable(MESSAGE_ID, command.getIdentifier());
                 MDC.MDCCloseable type = MDC.putCloseable(MESSAGE_TYPE, command.getCommandName())) {
                return chain.proceed();
            }
        };
    }
}

package dev.eskit.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every command carries who sent it and the HTTP request it came from; Axon's correlation data
 * copies both onto every event the command produces, so each stored event records its actor.
 */
@Configuration(proxyBeanMethods = false)
class MessageCorrelationConfiguration {

    static final String ACTOR = "actor";
    static final String REQUEST_ID = "requestId";
    private static final String NO_PRINCIPAL = "system";

    @Bean
    CorrelationDataProvider actorAndRequestCorrelation() {
        return new FromCommandsOnly(new SimpleCorrelationDataProvider(ACTOR, REQUEST_ID));
    }

    /** Declared because declaring any provider switches off Axon's default one. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new FromCommandsOnly(new MessageOriginProvider());
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> actorAndRequestOnCommands() {
        return new ActorStamp();
    }

    private static final class ActorStamp implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                Map<String, Object> stamp = new HashMap<>();
                stamp.put(ACTOR, currentActor());
                String requestId = MDC.get(REQUEST_ID);
                if (requestId != null) {
                    stamp.put(REQUEST_ID, requestId);
                }
                return command.andMetaData(stamp);
            };
        }

        private static String currentActor() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null && authentication.isAuthenticated() ? authentication.getName() : NO_PRINCIPAL;
        }
    }
}

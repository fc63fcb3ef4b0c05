package dev.eskit.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Commands that lose a race are run again. Each instance keeps aggregates in its cache; when another
 * instance (or another thread) stored the stream's next version first, the store refuses the write,
 * the cache entry is dropped with the rolled-back unit of work, and a retry decides on the fresh
 * state: it succeeds, or the aggregate refuses it (409) as it would have without the race. Nothing
 * else is retried; a refusal or a fault answers at once.
 */
@Configuration(proxyBeanMethods = false)
class CommandGatewayConfiguration {

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new StreamVersionConflicts();
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetries() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retries");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetries,
                                  @Value("${eskit.commands.race-retries:5}") int retries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(commandRetries)
                        .maxRetryCount(retries)
                        .backoffFactor(5)
                        .nonTransientFailurePredicate(failure -> !lostARace(failure))
                        .build())
                .build();
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}

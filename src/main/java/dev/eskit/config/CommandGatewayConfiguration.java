package dev.eskit.config;

import dev.eskit.commands.api.AppendToStream;
import dev.eskit.commands.api.entity.EntityCommands.EntityCommand;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.beans.factory.annotation.Qualifier;
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

    /**
     * Axon's own local segment, built as its auto-configuration builds it but committing the
     * commands that arrive together in one transaction, and wrapped so that failures leave it named;
     * Axon Server's command bus delivers the commands it routes here to this bean.
     */
    @Bean
    @Qualifier("localSegment")
    CommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration axon,
                          DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                          @Value("${eskit.commands.group-commit.max-commands:128}") int maxGroup, MeterRegistry meters) {
        SimpleCommandBus.Builder builder = SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"));
        SimpleCommandBus handlers = new GroupCommitCommandBus(builder, transactionManager,
                CommandGatewayConfiguration::writesOnlyEvents, () -> axon.getComponent(CommandTargetResolver.class), maxGroup, meters);
        handlers.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return new NamedFailuresCommandBus(handlers);
    }

    /**
     * The commands whose handlers write nothing but events, so that they can share a transaction
     * (see {@link GroupCommitCommandBus}). A user's handlers also claim e-mail addresses in a table of their own.
     */
    private static boolean writesOnlyEvents(Object payload) {
        return payload instanceof EntityCommand || payload instanceof AppendToStream;
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
                .retryScheduler(new RaceRetries(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(commandRetries)
                        .maxRetryCount(retries)
                        .backoffFactor(5)
                        .nonTransientFailurePredicate(failure -> false)
                        .build()))
                .build();
    }
}

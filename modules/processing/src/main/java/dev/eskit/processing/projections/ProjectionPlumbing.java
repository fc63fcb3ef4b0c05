package dev.eskit.processing.projections;

import dev.eskit.processing.api.ProjectionProperties;
import dev.eskit.processing.api.Projections;
import dev.eskit.processing.deadletters.DeadLetterQueues;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection's plumbing, registered with Axon in one place: its dead-letter queue, the
 * interceptor that fails a batch a handler marked ({@link HandlerSavepoints}), and the announcement
 * of its commits that read-your-writes waits on ({@link CommittedTokens}). The stream-positions index
 * is waited for like a projection, so its commits are announced too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionProperties.class)
class ProjectionPlumbing {

    @Autowired
    void register(EventProcessingConfigurer processing, DeadLetterQueues deadLetters, HandlerSavepoints savepoints,
                  CommittedTokens commits) {
        for (String projection : Projections.ALL) {
            processing.registerDeadLetterQueue(projection, configuration -> deadLetters.of(projection));
            // the cache spares a query per event while the queue is empty; a replay starts the queue over too
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(projection,
                    (configuration, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true));
            processing.registerHandlerInterceptor(projection, configuration -> savepoints.batchFailer());
            processing.registerHandlerInterceptor(projection, configuration -> commits.recorder(projection));
        }
        processing.registerHandlerInterceptor(Projections.STREAM_POSITIONS,
                configuration -> commits.recorder(Projections.STREAM_POSITIONS));
    }
}

package dev.eskit.queries.log;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A deletion whose lifecycle row cannot be written fails, instead of leaving the stream readable. */
@Configuration(proxyBeanMethods = false)
class StreamLifecycleConfiguration {

    @Bean
    ConfigurerModule streamLifecycleFailuresFailTheDeletion() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(StreamLifecycleProjection.PROCESSOR, axon -> PropagatingErrorHandler.instance());
    }
}

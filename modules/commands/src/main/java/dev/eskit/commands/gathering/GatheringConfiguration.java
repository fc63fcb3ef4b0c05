package dev.eskit.commands.gathering;

import dev.eskit.commands.support.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GatheringConfiguration {

    @Bean
    Cache gatheringCache(AggregateCaches caches) {
        return caches.create();
    }
}

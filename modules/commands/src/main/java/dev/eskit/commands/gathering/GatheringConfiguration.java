package dev.eskit.commands.gathering;

import dev.eskit.commands.support.LruCache;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GatheringConfiguration {

    @Bean
    Cache gatheringCache(@Value("${eskit.aggregates.cache-size:10000}") int size) {
        return new LruCache(size);
    }
}

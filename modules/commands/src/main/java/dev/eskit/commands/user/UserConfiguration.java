package dev.eskit.commands.user;

import dev.eskit.commands.support.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UserConfiguration {

    @Bean
    Cache userCache(AggregateCaches caches) {
        return caches.create();
    }
}

package dev.eskit.commands.support;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one way aggregates are cached here: Caffeine through Axon's JCache adapter, bounded, and never
 * serving a copy the store has moved past. Axon's WeakReferenceCache loses every entry at each
 * garbage collection, which sends writes back to the snapshot and the events behind it at random;
 * Caffeine keeps what is in use without a lock that every command thread would share.
 */
@Component
public class AggregateCaches implements DisposableBean {

    private final int size;
    private final ObjectProvider<EventStore> eventStore;
    private final CacheManager manager = Caching.getCachingProvider(CaffeineCachingProvider.class.getName()).getCacheManager();
    private final List<String> names = new CopyOnWriteArrayList<>();

    AggregateCaches(@Value("${eskit.aggregates.cache-size:10000}") int size, ObjectProvider<EventStore> eventStore) {
        this.size = size;
        this.eventStore = eventStore;
    }

    /** A cache for one aggregate type: an id may name aggregates of two types, so types never share one. */
    public Cache create() {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(size));
        // JCache's default copies every value in and out, which would serialize an aggregate on each command
        configuration.setStoreByValue(false);
        // the provider's manager is shared by every application context in the JVM (tests start several)
        String name = "eskit-aggregates-" + UUID.randomUUID();
        names.add(name);
        return new CurrentOnlyCache(new JCacheAdapter(manager.createCache(name, configuration)),
                id -> eventStore.getObject().lastSequenceNumberFor(id));
    }

    @Override
    public void destroy() {
        names.forEach(manager::destroyCache);
    }
}

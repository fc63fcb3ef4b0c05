package dev.eskit.commands.support;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * Serves a cached aggregate only while it is as far as the store. Another instance may have written
 * the aggregate since it was cached here: a second instance on the same database, or the replica Axon
 * Server routed the aggregate to while this one was away. A stale copy would decide on old state (a
 * wrong 412 for an up-to-date If-Match, a "no change" that is one) or fail its append; so each load
 * asks the store for the aggregate's last sequence number, one indexed lookup, and a copy behind it
 * is dropped and the aggregate sourced afresh. The lookup runs under Axon's aggregate lock, so no
 * write of this instance can slip between the check and the command.
 */
final class CurrentOnlyCache implements Cache {

    private final Cache entries;
    private final Function<String, Optional<Long>> lastSequenceInStore;

    CurrentOnlyCache(Cache entries, Function<String, Optional<Long>> lastSequenceInStore) {
        this.entries = entries;
        this.lastSequenceInStore = lastSequenceInStore;
    }

    @Override
    public <K, V> V get(K key) {
        V value = entries.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !isCurrent(key.toString(), entry)) {
            entries.remove(key);
            return null;
        }
        return value;
    }

    private boolean isCurrent(String aggregateId, AggregateCacheEntry<?> entry) {
        // an entry made in this JVM holds the live aggregate, which recreateAggregate hands back as it is
        Long cached = entry.recreateAggregate(null, null, null, null).version();
        return Objects.equals(cached, lastSequenceInStore.apply(aggregateId).orElse(null));
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return entries.registerCacheEntryListener(listener);
    }
}

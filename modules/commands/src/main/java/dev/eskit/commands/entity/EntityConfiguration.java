package dev.eskit.commands.entity;

import dev.eskit.commands.support.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Entities stay in memory between writes and are snapshotted every few hundred versions; a snapshot
 * of another revision of the aggregate is skipped (the aggregate is then sourced from its events).
 */
@Configuration(proxyBeanMethods = false)
class EntityConfiguration {

    @Bean
    Cache entityCache(AggregateCaches caches) {
        return caches.create();
    }

    @Bean
    Cache entityTypeCache(AggregateCaches caches) {
        return caches.create();
    }

    @Bean
    SnapshotTriggerDefinition entitySnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${eskit.entities.snapshot-threshold:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Keyed by the aggregate type as stored with each snapshot; Axon's class-based variant never matches it. */
    @Bean
    SnapshotFilter entitySnapshotFilter() {
        return RevisionSnapshotFilter.builder().type(EntityAggregate.TYPE).revision(EntityAggregate.REVISION).build();
    }
}

package dev.eskit.commands.stream;

import dev.eskit.commands.support.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Streams stay in memory between appends (the cache) and are snapshotted at intervals that grow
 * with them ({@link GrowingSnapshotIntervals}), so an append costs the same on a long stream as on a
 * new one; a snapshot of another revision of the aggregate is skipped (the stream is then sourced
 * from its events).
 */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    Cache streamCache(AggregateCaches caches) {
        return caches.create();
    }

    @Bean
    SnapshotTriggerDefinition streamSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${eskit.streams.snapshot-threshold:500}") int threshold,
                                                    @Value("${eskit.streams.snapshot-max-interval:25000}") int maxInterval) {
        return new GrowingSnapshotIntervals(snapshotter, threshold, maxInterval);
    }

    /** Keyed by the aggregate type as stored with each snapshot; Axon's class-based variant never matches it. */
    @Bean
    SnapshotFilter streamSnapshotFilter() {
        return RevisionSnapshotFilter.builder().type(StreamAggregate.TYPE).revision(StreamAggregate.REVISION).build();
    }
}

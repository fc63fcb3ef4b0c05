package dev.eskit.commands.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.junit.jupiter.api.Test;

/** A snapshot of another revision of the entity aggregate is skipped, so the entity is sourced from its events. */
class EntitySnapshotFilterTest {

    private final SnapshotFilter filter = new EntityConfiguration().entitySnapshotFilter();

    @Test
    void takesASnapshotOfTheCurrentRevision() {
        assertThat(filter.allow(snapshot(EntityAggregate.REVISION))).isTrue();
    }

    @Test
    void skipsASnapshotOfAnOlderRevision() {
        assertThat(filter.allow(snapshot("0"))).isFalse();
    }

    private static GenericDomainEventEntry<byte[]> snapshot(String revision) {
        return new GenericDomainEventEntry<>("Entity", "entity:Invoice:1", 249, "snapshot-1", Instant.now(),
                EntityAggregate.class.getName(), revision, "{}".getBytes(), "{}".getBytes());
    }
}

package dev.eskit.commands.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.junit.jupiter.api.Test;

/** A snapshot of another revision of the stream aggregate is skipped, so the stream is sourced from its events. */
class StreamSnapshotFilterTest {

    private final SnapshotFilter filter = new StreamConfiguration().streamSnapshotFilter();

    @Test
    void takesASnapshotOfTheCurrentRevision() {
        assertThat(filter.allow(snapshot(StreamAggregate.REVISION))).isTrue();
    }

    @Test
    void skipsASnapshotOfAnOlderRevision() {
        assertThat(filter.allow(snapshot("0"))).isFalse();
    }

    private static GenericDomainEventEntry<byte[]> snapshot(String revision) {
        return new GenericDomainEventEntry<>(StreamAggregate.TYPE, "s-1", 499, "snapshot-1", Instant.now(),
                StreamAggregate.class.getName(), revision, "{}".getBytes(), "{}".getBytes());
    }
}

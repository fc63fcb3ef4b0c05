package dev.eskit.web.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Snapshots as the store really keeps them: a stream past the threshold is loaded from its snapshot
 * and the events after it, and a snapshot of an older aggregate shape is passed over, not misread.
 */
abstract class SnapshotTests extends ApiTest {

    private static final int EVENTS = 600;

    private final String type = uniquePartition() + ".Happened";

    @Autowired
    private EventStore eventStore;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    @Qualifier("streamCache")
    private Cache streamCache;

    @Test
    void aStreamIsLoadedFromItsSnapshotAndTheEventsAfterIt() {
        String stream = longStream();
        long snapshotAt = awaitSnapshot(stream);
        appendOk(stream, EVENTS, List.of(event(type, Map.of())));

        List<? extends DomainEventMessage<?>> loaded = eventStore.readEvents(stream).asStream().toList();
        streamCache.remove(stream);

        assertThat(loaded.get(0).getSequenceNumber()).isEqualTo(snapshotAt);
        assertThat(loaded.get(0).getPayloadType().getSimpleName()).isEqualTo("StreamAggregate");
        assertThat(loaded).hasSize((int) (EVENTS + 1 - snapshotAt));
        assertThat(append(stream, EVENTS, List.of(event(type, Map.of()))).status())
                .isEqualTo(409);
        assertThat(appendOk(stream, EVENTS + 1, List.of(event(type, Map.of())))
                .json().get("toVersion").asLong()).isEqualTo(EVENTS + 2);
    }

    @Test
    void aSnapshotOfAnOlderRevisionIsPassedOver() {
        String stream = longStream();
        long snapshotAt = awaitSnapshot(stream);
        storeOldRevisionSnapshotClaimingVersion(stream, snapshotAt, 5_000);
        streamCache.remove(stream);

        List<? extends DomainEventMessage<?>> loaded = eventStore.readEvents(stream).asStream().toList();

        assertThat(loaded.get(0).getSequenceNumber()).isEqualTo(snapshotAt);
        assertThat(appendOk(stream, EVENTS, List.of(event(type, Map.of())))
                .json().get("toVersion").asLong()).isEqualTo(EVENTS + 1);
    }

    private String longStream() {
        String stream = uniqueStream();
        appendOk(stream, "no_stream", IntStream.range(0, EVENTS).mapToObj(i -> event(type, Map.of("i", i))).toList());
        return stream;
    }

    private long awaitSnapshot(String stream) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, stream),
                snapshots -> snapshots.size() == 1).get(0);
    }

    /**
     * A copy of the real snapshot, later in the stream, marked with revision "0" and claiming a version
     * the stream never had: were it read, the next append at the true version would be refused.
     */
    private void storeOldRevisionSnapshotClaimingVersion(String stream, long snapshotAt, long claimedVersion) {
        Map<String, Object> real = jdbc.queryForMap("SELECT * FROM snapshot_event_entry WHERE aggregate_identifier = ?", stream);
        String payload = new String((byte[]) real.get("payload"), StandardCharsets.UTF_8);
        String claimed = payload.replaceFirst("\"version\":\\d+", "\"version\":" + claimedVersion);
        assertThat(claimed).isNotEqualTo(payload);
        jdbc.update("INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, '0', ?, ?)",
                stream, snapshotAt + 1_000, real.get("type"), UUID.randomUUID().toString(), real.get("time_stamp"),
                real.get("payload_type"), claimed.getBytes(StandardCharsets.UTF_8), real.get("meta_data"));
    }
}

package dev.eskit.queries.log;

import dev.eskit.commands.api.StreamDeleted;
import dev.eskit.queries.api.StreamLifecycles;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records each raw stream's latest deletion in {@code stream_lifecycle}. It runs on the subscribing
 * processor {@code stream-lifecycle}, inside the unit of work that stores the deletion, so a read
 * after a 204 already hides the stream; a failure here fails the deletion ({@link StreamLifecycleConfiguration}).
 */
@Component
@ProcessingGroup(StreamLifecycleProjection.PROCESSOR)
class StreamLifecycleProjection implements StreamLifecycles {

    static final String PROCESSOR = "stream-lifecycle";

    private final JdbcTemplate jdbc;

    StreamLifecycleProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StreamDeleted event, @SequenceNumber long sequence) {
        long version = sequence + 1;
        int updated = jdbc.update("UPDATE stream_lifecycle SET deleted_through = ?, tombstoned = ? WHERE stream_id = ? AND deleted_through < ?",
                version, event.tombstone(), event.streamId(), version);
        if (updated == 0 && of(event.streamId()).deletedThrough() < version) {
            jdbc.update("INSERT INTO stream_lifecycle (stream_id, deleted_through, tombstoned) VALUES (?, ?, ?)",
                    event.streamId(), version, event.tombstone());
        }
    }

    @Override
    public Lifecycle of(String streamId) {
        List<Lifecycle> found = jdbc.query("SELECT deleted_through, tombstoned FROM stream_lifecycle WHERE stream_id = ?",
                (row, i) -> new Lifecycle(row.getLong(1), row.getBoolean(2)), streamId);
        return found.isEmpty() ? Lifecycle.NEVER_DELETED : found.get(0);
    }
}

package dev.eskit.queries.log;

import dev.eskit.commands.api.StreamDeleted;
import dev.eskit.commands.api.StreamMetadata;
import dev.eskit.commands.api.StreamMetadataSet;
import dev.eskit.commands.api.StreamVersions;
import dev.eskit.queries.api.StreamLifecycles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records each raw stream's latest deletion and metadata in {@code stream_lifecycle}. It runs on the
 * subscribing processor {@code stream-lifecycle}, inside the unit of work that stores them, so a read
 * after the 204 or 200 already follows them; a failure here fails the write
 * ({@link StreamLifecycleConfiguration}). A row only moves forwards, so handling an event twice changes nothing.
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
        long version = StreamVersions.ofSequence(sequence);
        ensureRow(event.streamId());
        jdbc.update("UPDATE stream_lifecycle SET deleted_through = ?, tombstoned = ? WHERE stream_id = ? AND deleted_through < ?",
                version, event.tombstone(), event.streamId(), version);
    }

    @EventHandler
    void on(StreamMetadataSet event) {
        StreamMetadata metadata = event.metadata();
        ensureRow(event.streamId());
        jdbc.update("UPDATE stream_lifecycle SET metadata_version = ?, max_age_seconds = ?, max_count = ?, truncate_before = ?, "
                        + "custom_metadata = ? WHERE stream_id = ? AND metadata_version < ?",
                event.version(), metadata.maxAgeSeconds(), metadata.maxCount(), metadata.truncateBefore(),
                metadata.custom() == null ? null : metadata.custom().toString(), event.streamId(), event.version());
    }

    /** A deletion and a metadata change of one stream are two aggregates' commands, which may run at once. */
    private void ensureRow(String streamId) {
        jdbc.update("INSERT INTO stream_lifecycle (stream_id) VALUES (?) ON CONFLICT DO NOTHING", streamId);
    }

    @Override
    public Lifecycle of(String streamId) {
        List<Lifecycle> found = jdbc.query("SELECT deleted_through, tombstoned, metadata_version, max_age_seconds, max_count, "
                + "truncate_before, custom_metadata FROM stream_lifecycle WHERE stream_id = ?", (row, i) -> lifecycle(row), streamId);
        return found.isEmpty() ? Lifecycle.UNTOUCHED : found.get(0);
    }

    @Override
    public List<String> retiring() {
        return jdbc.queryForList("SELECT stream_id FROM stream_lifecycle WHERE deleted_through > 0 OR max_age_seconds IS NOT NULL "
                + "OR max_count IS NOT NULL OR truncate_before IS NOT NULL ORDER BY stream_id", String.class);
    }

    private static Lifecycle lifecycle(ResultSet row) throws SQLException {
        String custom = row.getString("custom_metadata");
        return new Lifecycle(row.getLong("deleted_through"), row.getBoolean("tombstoned"), row.getLong("metadata_version"),
                row.getObject("max_age_seconds", Long.class), row.getObject("max_count", Long.class),
                row.getObject("truncate_before", Long.class), custom == null ? null : JsonMapper.shared().readTree(custom));
    }
}

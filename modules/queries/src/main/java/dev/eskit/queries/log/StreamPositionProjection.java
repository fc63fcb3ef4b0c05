package dev.eskit.queries.log;

import dev.eskit.commands.api.StreamVersions;
import dev.eskit.processing.api.Projections;
import dev.eskit.queries.api.StreamPositions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes every stream event's log position in {@code stream_position}. On Axon Server the token an
 * event arrives with is exactly its global position. On a JDBC store (the CI stand-in for Axon
 * Server) a gap-aware token's index is the highest position seen, so an event that committed late
 * is placed by the gap its token step closed ({@link LogPositions}); the processor runs one segment
 * on one thread, so the token before each event is the one of the event handled before it.
 * Inserting a row that exists already is a no-op, so a retried batch changes nothing.
 */
@Component
@ProcessingGroup(Projections.STREAM_POSITIONS)
@ConditionalOnProperty(name = "eskit.store.reads", havingValue = "event-store")
class StreamPositionProjection implements StreamPositions {

    private final JdbcTemplate jdbc;
    private TrackingToken previous;

    StreamPositionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM stream_position");
        previous = null;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event, TrackingToken token) {
        // after a rolled-back batch the processor goes back to an earlier token: then only the token itself is known
        long position = previous != null && token.covers(previous) ? LogPositions.of(previous, token)
                : token.position().orElseThrow();
        previous = token;
        jdbc.update("INSERT INTO stream_position (stream_id, version, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.getAggregateIdentifier(), StreamVersions.ofSequence(event.getSequenceNumber()), position);
    }

    @Override
    public Map<Long, Long> indexed(String streamId, long fromVersion, long toVersion) {
        Map<Long, Long> positions = new LinkedHashMap<>();
        jdbc.query("SELECT version, position FROM stream_position WHERE stream_id = ? AND version BETWEEN ? AND ? ORDER BY version",
                row -> {
                    positions.put(row.getLong(1), row.getLong(2));
                }, streamId, fromVersion, toVersion);
        return positions;
    }
}

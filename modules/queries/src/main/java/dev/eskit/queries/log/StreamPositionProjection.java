package dev.eskit.queries.log;

import dev.eskit.queries.api.Projections;
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
 * Indexes every stream event's log position in {@code stream_position}. The tracking token an event
 * arrives with is its place in the log; on Axon Server it is exactly the event's global token.
 * Inserting a row that exists already is a no-op, so a retried batch changes nothing.
 */
@Component
@ProcessingGroup(Projections.STREAM_POSITIONS)
@ConditionalOnProperty(name = "eskit.store.reads", havingValue = "event-store")
class StreamPositionProjection implements StreamPositions {

    private final JdbcTemplate jdbc;

    StreamPositionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM stream_position");
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event, TrackingToken token) {
        jdbc.update("INSERT INTO stream_position (stream_id, version, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.getAggregateIdentifier(), event.getSequenceNumber() + 1, token.position().orElseThrow());
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

package dev.eskit.store;

import dev.eskit.commands.api.StreamVersions;
import dev.eskit.queries.api.EventDescriber;
import dev.eskit.queries.api.LoggedEvent;
import dev.eskit.queries.api.StreamEvents;
import dev.eskit.queries.api.StreamReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads one stream from the JDBC event table. Axon's aggregate stream does not carry the global
 * position that the API shows with every event, so this reads the rows itself and hands them to
 * Axon's own upcasting and deserialization, as rows the storage engine reads ({@link EventRow}).
 * With Axon Server ({@code eskit.store.reads=event-store}) {@link IndexedStreamReader} reads streams
 * through the event store and a position index instead.
 */
@Service
@ConditionalOnProperty(name = "eskit.store.reads", havingValue = "jdbc", matchIfMissing = true)
class JdbcStreamReader implements StreamReader {

    private final JdbcTemplate jdbc;
    private final EventSchema schema;
    private final Serializer eventSerializer;
    private final ObjectProvider<Configuration> axon;
    private final EventDescriber describer;
    private final String columns;

    JdbcStreamReader(JdbcTemplate jdbc, EventSchema schema, @Qualifier("eventSerializer") Serializer eventSerializer,
                     ObjectProvider<Configuration> axon, EventDescriber describer) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.eventSerializer = eventSerializer;
        this.axon = axon;
        this.describer = describer;
        this.columns = schema.trackedEventFields();
    }

    @Override
    public Optional<StreamEvents> events(String streamId, long fromVersion, long toVersion, int limit) {
        long version = version(streamId);
        if (version == 0) {
            return Optional.empty();
        }
        List<LoggedEvent> events = read(streamId, StreamVersions.toSequence(fromVersion), StreamVersions.toSequence(toVersion), limit);
        return Optional.of(new StreamEvents(streamId, version, events));
    }

    @Override
    public List<Long> positions(String streamId, long fromVersion, long toVersion) {
        return jdbc.queryForList("SELECT " + schema.globalIndexColumn() + " FROM " + schema.domainEventTable()
                        + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn()
                        + " BETWEEN ? AND ? ORDER BY " + schema.sequenceNumberColumn(),
                Long.class, streamId, StreamVersions.toSequence(fromVersion), StreamVersions.toSequence(toVersion));
    }

    @Override
    public long version(String streamId) {
        Long last = jdbc.queryForObject("SELECT MAX(" + schema.sequenceNumberColumn() + ") FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ?", Long.class, streamId);
        return last == null ? 0 : StreamVersions.ofSequence(last);
    }

    private List<LoggedEvent> read(String streamId, long fromSequence, long toSequence, int limit) {
        List<TrackedEventData<?>> rows = jdbc.query("SELECT " + columns + " FROM " + schema.domainEventTable()
                        + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn()
                        + " BETWEEN ? AND ? ORDER BY " + schema.sequenceNumberColumn() + " LIMIT ?",
                (row, i) -> toEventData(row), streamId, fromSequence, toSequence, limit);
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), eventSerializer, axon.getObject().upcasterChain())
                .map(event -> describer.describe(event, event.trackingToken().position().orElse(0), true))
                .toList();
    }

    private TrackedEventData<?> toEventData(ResultSet row) throws SQLException {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong(schema.globalIndexColumn())),
                EventRow.read(row, schema, row.getString(schema.eventIdentifierColumn()),
                        row.getString(schema.aggregateIdentifierColumn())));
    }
}

package dev.eskit.config;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, with each event's timestamp parsed once, by {@link EventTimestamps}.
 * Axon keeps an entry's timestamp as text and parses it with a {@code DateTimeFormatter} on every
 * read of it: at least twice per event and processor (the gap check and the message), a sixth of a
 * replay's CPU. The token logic of {@link #getTrackedEventData} is Axon's, with the gap settings
 * that {@link AxonStorageConfiguration} gives both.
 */
final class FastTimestampJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final GapSettings gaps;

    FastTimestampJdbcEventStorageEngine(Builder builder, GapSettings gaps) {
        super(gaps.applyTo(builder));
        this.gaps = gaps;
    }

    /** The gap tracking of the log's readers: how far ahead a gap is remembered, from where, and for how long. */
    record GapSettings(int maxGapOffset, long lowestGlobalSequence, int gapTimeoutMillis) {

        Builder applyTo(Builder builder) {
            return builder.maxGapOffset(maxGapOffset).lowestGlobalSequence(lowestGlobalSequence).gapTimeout(gapTimeoutMillis);
        }
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        // an event published outside an aggregate is stored with its own identifier as the aggregate's
        Entry<?> event = entry(resultSet, eventIdentifier, eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier);

        Instant gapTimeoutFrame = GenericEventMessage.clock.instant().minusMillis(gaps.gapTimeoutMillis());
        boolean allowGaps = event.getTimestamp().isAfter(gapTimeoutFrame);
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(gaps.lowestGlobalSequence(), globalSequence), globalSequence)
                            .boxed().collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? gaps.maxGapOffset() : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        EventSchema schema = schema();
        return entry(resultSet, resultSet.getString(schema.eventIdentifierColumn()),
                resultSet.getString(schema.aggregateIdentifierColumn()));
    }

    private Entry<?> entry(ResultSet resultSet, String eventIdentifier, String aggregateIdentifier) throws SQLException {
        EventSchema schema = schema();
        String timestamp = resultSet.getString(schema.timestampColumn());
        return new Entry<>(resultSet.getString(schema.typeColumn()), aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                timestamp, EventTimestamps.parse(timestamp), resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()), readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /** A stored event that answers its timestamp without parsing it again. */
    private static final class Entry<T> extends GenericDomainEventEntry<T> {

        private final Instant parsedTimestamp;

        Entry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String timestamp,
              Instant parsedTimestamp, String payloadType, String payloadRevision, T payload, T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
                    payload, metaData);
            this.parsedTimestamp = parsedTimestamp;
        }

        @Override
        public Instant getTimestamp() {
            return parsedTimestamp;
        }
    }
}

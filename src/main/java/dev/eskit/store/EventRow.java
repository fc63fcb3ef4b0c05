package dev.eskit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * One row of the event table as Axon's entry, read the same way by the storage engine and by the
 * stream reader. It answers its timestamp without parsing it again: Axon keeps an entry's timestamp
 * as text and parses it with a {@code DateTimeFormatter} on every read of it, at least twice per
 * event and processor, which was a sixth of a replay's CPU; {@link EventTimestamps} parses it once.
 */
final class EventRow extends GenericDomainEventEntry<byte[]> {

    private final Instant parsedTimestamp;

    private EventRow(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String timestamp,
                     String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
        super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
                payload, metaData);
        this.parsedTimestamp = EventTimestamps.parse(timestamp);
    }

    /** The row at the result's cursor; {@code aggregateIdentifier} as the caller has decided it. */
    static EventRow read(ResultSet row, EventSchema schema, String eventIdentifier, String aggregateIdentifier)
            throws SQLException {
        return new EventRow(row.getString(schema.typeColumn()), aggregateIdentifier, row.getLong(schema.sequenceNumberColumn()),
                eventIdentifier, row.getString(schema.timestampColumn()), row.getString(schema.payloadTypeColumn()),
                row.getString(schema.payloadRevisionColumn()), row.getBytes(schema.payloadColumn()),
                row.getBytes(schema.metaDataColumn()));
    }

    @Override
    public Instant getTimestamp() {
        return parsedTimestamp;
    }
}

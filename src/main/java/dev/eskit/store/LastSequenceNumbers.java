package dev.eskit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * A stream's last sequence number, read as the newest entry of its range in the unique index.
 * Axon's {@code max(sequence_number)} lets PostgreSQL keep a generic plan made while the table was
 * small, which aggregates every event of the stream: on a stream of 10,000 events that was 5 ms on
 * each write to it, since the aggregate cache asks for the number before it serves an aggregate.
 * Ordered and limited, every plan reads one entry.
 */
final class LastSequenceNumbers {

    private LastSequenceNumbers() {
    }

    static PreparedStatement statement(Connection connection, EventSchema schema, String streamId) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.sequenceNumberColumn() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? ORDER BY "
                + schema.sequenceNumberColumn() + " DESC LIMIT 1");
        statement.setString(1, streamId);
        return statement;
    }
}

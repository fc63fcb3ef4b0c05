package dev.eskit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Where a read of the log from an instant starts: the position before the first event stored at or
 * after it. Axon asks {@code min(global_index) WHERE time_stamp >= ?}, which PostgreSQL answers by
 * walking the primary key from the start until a row matches, as it assumes matches spread evenly:
 * 0.4 s on a million events for an instant in the middle. Here the timestamp index finds the
 * earliest event at or after the instant first, and the primary key is walked only from
 * {@link #REORDER_WINDOW} positions below it, for the few events whose timestamp (taken when the
 * command made them) is later than that of an event stored after them: a few milliseconds.
 */
final class EventsByTime {

    /** Farther than this, an event stored earlier never has a later timestamp than one stored after it. */
    static final int REORDER_WINDOW = 10_000;

    private EventsByTime() {
    }

    static PreparedStatement createTokenAt(Connection connection, EventSchema schema, Instant instant) throws SQLException {
        String position = schema.globalIndexColumn();
        String table = schema.domainEventTable();
        String time = schema.timestampColumn();
        PreparedStatement statement = connection.prepareStatement(
                "SELECT min(" + position + ") - 1 FROM " + table + " WHERE " + time + " >= ? AND " + position + " >= ("
                        + "SELECT coalesce(min(" + position + "), 0) - " + REORDER_WINDOW + " FROM (SELECT " + position
                        + " FROM " + table + " WHERE " + time + " >= ? ORDER BY " + time + " LIMIT 1) earliest_at_or_after)");
        String timestamp = DateTimeUtils.formatInstant(instant);
        statement.setString(1, timestamp);
        statement.setString(2, timestamp);
        return statement;
    }
}

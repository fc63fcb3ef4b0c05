package dev.eskit.store;

import static org.axonframework.common.jdbc.JdbcUtils.executeQuery;
import static org.axonframework.eventhandling.EventUtils.upcastAndDeserializeTrackedEvents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine with two changes.
 * <p>
 * A reader never skips an event whose transaction commits late. Axon's tokens keep a gap for a
 * position that was missing when a reader passed it, but drop the gap once it is 10,000 positions
 * or a minute behind, and with it the event of a transaction slower than that. Here a gap is kept
 * until {@link SettledPositions} knows that no open transaction can still fill it, and dropped
 * then, however far behind. A token therefore holds only the positions whose transactions were
 * still open or rolled back recently.
 * <p>
 * Each row is read as an {@link EventRow}, whose timestamp is parsed once, and Axon's reads run
 * outside transactions ({@link ReadsOutsideTransactions}).
 */
final class GapSafeJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final SettledPositions settled;
    private final TransactionManager transactions;
    /** The settled position read before the batch that this thread is reading. */
    private final ThreadLocal<Long> settledBeforeBatch = new ThreadLocal<>();

    GapSafeJdbcEventStorageEngine(Builder builder, SettledPositions settled, TransactionManager transactions) {
        // Axon's own cleaning would drop gaps by the age of the events around them
        super(builder.lowestGlobalSequence(1).gapCleaningThreshold(Integer.MAX_VALUE)
                .transactionManager(new ReadsOutsideTransactions(transactions)));
        this.settled = settled;
        this.transactions = transactions;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            try {
                settled.beforeTakingPositions(getConnection());
            } catch (SQLException e) {
                throw new EventStoreException("Failed to mark the transaction before appending", e);
            }
            super.appendEvents(events, serializer);
        });
    }

    /**
     * Reads a batch knowing which positions were final before it was read: a gap at or below them
     * that the batch does not fill never will, and is dropped. A gap is never dropped on a reading
     * taken after the batch's own, which may count a commit that the batch did not see.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        settledBeforeBatch.set(token == null || !token.getGaps().isEmpty() ? refreshSettled() : settled.known());
        try {
            return super.fetchTrackedEvents(token, batchSize);
        } finally {
            settledBeforeBatch.remove();
        }
    }

    /**
     * One batch of what {@link #readEvents(TrackingToken, boolean)} streams, for {@link LogHead}:
     * that stream ends only at a read that finds nothing, which the head of the log does not need
     * after each batch.
     */
    LogHead.Batch readBatch(TrackingToken lastToken) {
        List<? extends TrackedEventData<?>> rows = fetchTrackedEvents(lastToken, batchSize());
        return new LogHead.Batch(upcastAndDeserializeTrackedEvents(rows.stream(), getEventSerializer(), upcasterChain).toList(),
                rows.size() >= batchSize());
    }

    /** Axon's head token, with a gap for every position below it whose transaction may still commit. */
    @Override
    public TrackingToken createHeadToken() {
        return withOpenPositions((GapAwareTrackingToken) super.createHeadToken());
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return withOpenPositions((GapAwareTrackingToken) super.createTokenAt(dateTime));
    }

    /**
     * The log's head is also asked for its number alone (log pages, metrics), so a settled position
     * already known is used as it is: any one is true, and the processors keep it close to the head.
     */
    private TrackingToken withOpenPositions(GapAwareTrackingToken token) {
        long known = settled.known();
        long from = (known > 0 ? known : refreshSettled()) + 1;
        if (token == null || token.getIndex() < from) {
            return token;
        }
        Set<Long> present = new HashSet<>(executeQuery(getConnection(),
                connection -> {
                    PreparedStatement statement = connection.prepareStatement("SELECT " + schema().globalIndexColumn()
                            + " FROM " + schema().domainEventTable() + " WHERE " + schema().globalIndexColumn() + " BETWEEN ? AND ?");
                    statement.setLong(1, from);
                    statement.setLong(2, token.getIndex());
                    return statement;
                },
                JdbcUtils.listResults(result -> result.getLong(1)),
                e -> new EventStoreException("Failed to read the positions of open transactions", e)));
        SortedSet<Long> gaps = new TreeSet<>();
        for (long position = from; position < token.getIndex(); position++) {
            if (!present.contains(position)) {
                gaps.add(position);
            }
        }
        return GapAwareTrackingToken.newInstance(token.getIndex(), gaps);
    }

    private long refreshSettled() {
        Connection connection = getConnection();
        try {
            return settled.refresh(connection);
        } catch (SQLException e) {
            throw new EventStoreException("Failed to read which log positions are final", e);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        // an event published outside an aggregate is stored with its own identifier as the aggregate's
        EventRow event = EventRow.read(resultSet, schema, eventIdentifier,
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier);
        Long settledPosition = settledBeforeBatch.get();
        return new TrackedDomainEventData<>(advance(previousToken, globalSequence, settledPosition == null ? 0 : settledPosition), event);
    }

    /**
     * The token after the event at {@code position}, read in a batch that started when the log was
     * final up to {@code settledPosition}. The batch reads in order, so a gap below {@code position}
     * is not filled in it; if the gap was final, it never will be. Each skipped position gets a gap
     * unless it was final.
     */
    static GapAwareTrackingToken advance(GapAwareTrackingToken previous, long position, long settledPosition) {
        SortedSet<Long> gaps = new TreeSet<>();
        if (previous != null) {
            previous.getGaps().stream().filter(gap -> gap > settledPosition || gap > position).forEach(gaps::add);
            if (position <= previous.getIndex()) {
                gaps.remove(position);
                return GapAwareTrackingToken.newInstance(previous.getIndex(), gaps);
            }
        }
        for (long skipped = Math.max(previous == null ? 1 : previous.getIndex() + 1, settledPosition + 1); skipped < position; skipped++) {
            gaps.add(skipped);
        }
        return GapAwareTrackingToken.newInstance(position, gaps);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        EventSchema schema = schema();
        return EventRow.read(resultSet, schema, resultSet.getString(schema.eventIdentifierColumn()),
                resultSet.getString(schema.aggregateIdentifierColumn()));
    }
}

package dev.eskit.store;

import java.sql.SQLException;
import java.util.Locale;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises the insert that lost the race for a stream's next version: it violates the unique key
 * {@code uq_domain_event_stream_sequence} (SQL state 23505 on PostgreSQL and H2). Axon's default
 * resolver looks at vendor error codes, which PostgreSQL leaves at 0, so without this a race between
 * two instances surfaced as a 500 instead of Axon's {@code ConcurrencyException}.
 */
final class StreamVersionConflicts implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String STREAM_VERSION_KEY = "uq_domain_event_stream_sequence";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState()) && String.valueOf(next.getMessage())
                            .toLowerCase(Locale.ROOT).contains(STREAM_VERSION_KEY)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

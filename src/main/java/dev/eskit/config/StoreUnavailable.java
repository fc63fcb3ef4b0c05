package dev.eskit.config;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Recognises failures that mean the database or Axon Server is out of reach rather than that the request was wrong. */
public final class StoreUnavailable {

    public static final String RETRY_AFTER_SECONDS = "5";

    private StoreUnavailable() {
    }

    private static boolean unreachableAxonServer(Throwable cause) {
        return cause instanceof StatusRuntimeException grpc && (grpc.getStatus().getCode() == Status.Code.UNAVAILABLE
                || grpc.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED);
    }

    /**
     * SQLSTATE class 08: the connection failed or broke in the middle of a request (the database
     * stopped, say). HikariCP's closed connection, which a request holds on to after the pool evicted
     * its broken one, says so only in its message.
     */
    private static boolean brokenConnection(Throwable cause) {
        return cause instanceof SQLException sql && (sql.getSQLState() != null ? sql.getSQLState().startsWith("08")
                : "Connection is closed".equals(sql.getMessage()));
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || brokenConnection(cause)
                    || unreachableAxonServer(cause)) {
                return true;
            }
        }
        return false;
    }
}

package dev.eskit.config;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || unreachableAxonServer(cause)) {
                return true;
            }
        }
        return false;
    }
}

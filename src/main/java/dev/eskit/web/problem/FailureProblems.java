package dev.eskit.web.problem;

import dev.eskit.commands.api.Rejection;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.config.StoreUnavailable;
import dev.eskit.queries.api.InvalidCursorException;
import dev.eskit.queries.api.InvalidSelectorException;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What a failure means to a client, whichever API it came through: the same refusal is one problem
 * over HTTP and one status over gRPC. Empty for a failure nobody planned for (an internal error).
 */
public final class FailureProblems {

    private FailureProblems() {
    }

    public static Optional<ProblemDetail> of(Throwable failure) {
        if (failure instanceof ErrorResponseException response) {
            return Optional.of(response.getBody());
        }
        if (failure instanceof InvalidCursorException || failure instanceof InvalidSelectorException) {
            String field = failure instanceof InvalidCursorException ? "cursor" : "selector";
            return Optional.of(Problems.invalidField(field, failure.getMessage()).getBody());
        }
        if (failure instanceof CommandExecutionException command) {
            Optional<Rejection> rejection = Rejection.of(command);
            if (rejection.isPresent() && rejection.get().reason() != Reason.STORE_UNAVAILABLE) {
                return Optional.of(RejectionProblems.of(rejection.get()));
            }
            if (rejection.isPresent()) {
                return Optional.of(storeUnavailable());
            }
        }
        if (StoreUnavailable.isCause(failure)) {
            return Optional.of(storeUnavailable());
        }
        return Optional.empty();
    }

    public static boolean isStoreUnavailable(ProblemDetail problem) {
        return problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()
                && Problems.slugOf(problem).equals("store-unavailable");
    }

    static ProblemDetail storeUnavailable() {
        return Problems.detail(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "the event store cannot be reached; retry later. A write answered this way was not acknowledged, "
                        + "and retrying it with the same event ids never stores it twice");
    }

    public static ProblemDetail internalError() {
        return Problems.detail(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the request failed unexpectedly; the server log has the details under this request's id");
    }
}

package dev.eskit.web.problem;

import dev.eskit.commands.api.ExpectedVersion;
import dev.eskit.commands.api.Rejection;
import dev.eskit.commands.api.Rejection.UnmetExpectation;
import dev.eskit.web.problem.Problems.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** An aggregate's refusal as a problem: most are 409, a stale version 412, a schema violation 422. */
public final class RejectionProblems {

    private RejectionProblems() {
    }

    static ProblemDetail of(Rejection rejection) {
        ProblemDetail problem = Problems.detail(statusOf(rejection.reason()),
                rejection.reason().name().toLowerCase().replace('_', '-'), rejection.detail());
        if (rejection.currentVersion() != null && statusOf(rejection.reason()) != HttpStatus.BAD_REQUEST) {
            problem.setProperty("currentVersion", rejection.currentVersion());
        }
        if (!rejection.violations().isEmpty()) {
            problem.setProperty("errors", rejection.violations().stream()
                    .map(violation -> new FieldProblem(violation.field(), violation.message())).toList());
        }
        if (!rejection.unmetExpectations().isEmpty()) {
            problem.setProperty("failures", rejection.unmetExpectations().stream().map(UnmetVersion::of).toList());
        }
        return problem;
    }

    /** The streams of a multi-stream append that another writer changed first, as they are now. */
    public static ProblemDetail versionsTaken(List<UnmetExpectation> unmet) {
        return of(new Rejection(Rejection.Reason.WRONG_EXPECTED_VERSION,
                "another writer changed " + unmet.size() + " of the streams first", null, List.of(), unmet));
    }

    private static HttpStatus statusOf(Rejection.Reason reason) {
        return switch (reason) {
            case STALE_VERSION -> HttpStatus.PRECONDITION_FAILED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case STREAM_TOMBSTONED -> HttpStatus.GONE;
            case SCHEMA_VIOLATION -> HttpStatus.UNPROCESSABLE_CONTENT;
            case INVALID_SCHEMA, INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
            case STORE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case CONCURRENT_WRITE, ALREADY_EXISTS, EMAIL_TAKEN, USER_INACTIVE, GATHERING_CANCELLED, GATHERING_FULL, ALREADY_REGISTERED,
                 CAPACITY_BELOW_ATTENDEES, WRONG_EXPECTED_VERSION, DUPLICATE_EVENT_ID, STREAM_OWNED_ELSEWHERE, PARTITION_MISMATCH -> HttpStatus.CONFLICT;
        };
    }

    /**
     * One stream of a multi-stream append that was not where its writer expected; the expected
     * version as the client wrote it, a number or a word.
     */
    public record UnmetVersion(String streamId, Object expectedVersion, long currentVersion) {

        static UnmetVersion of(UnmetExpectation unmet) {
            Object expected = unmet.expectedVersion() instanceof ExpectedVersion.Exactly exactly
                    ? (Object) exactly.version() : unmet.expectedVersion().toString();
            return new UnmetVersion(unmet.streamId(), expected, unmet.currentVersion());
        }
    }

    /** Another writer stored the same version first: the store's unique key refused ours. */
    public static ProblemDetail versionTaken(String streamId, long currentVersion) {
        ProblemDetail problem = Problems.detail(HttpStatus.CONFLICT, "wrong-expected-version",
                "stream " + streamId + " was changed by another writer; it is now at version " + currentVersion);
        problem.setProperty("currentVersion", currentVersion);
        return problem;
    }
}

package dev.eskit.web.problem;

import dev.eskit.commands.api.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** 409 problems: an aggregate's refusal, or a stream that moved on under the writer. */
public final class Conflicts {

    private Conflicts() {
    }

    static ProblemDetail of(Rejection rejection) {
        ProblemDetail problem = Problems.detail(HttpStatus.CONFLICT,
                rejection.reason().name().toLowerCase().replace('_', '-'), rejection.detail());
        if (rejection.currentVersion() != null) {
            problem.setProperty("currentVersion", rejection.currentVersion());
        }
        return problem;
    }

    /** Another writer stored the same version first: the store's unique key refused ours. */
    public static ProblemDetail versionTaken(String streamId, long currentVersion) {
        ProblemDetail problem = Problems.detail(HttpStatus.CONFLICT, "wrong-expected-version",
                "stream " + streamId + " was changed by another writer; it is now at version " + currentVersion);
        problem.setProperty("currentVersion", currentVersion);
        return problem;
    }
}

package dev.eskit.grpc;

import dev.eskit.web.problem.Problems;

/** Paging limits as the HTTP API has them: proto3's 0 means "unset", which takes the default. */
final class Limits {

    private Limits() {
    }

    static int of(String field, int requested, int defaultLimit, int max) {
        if (requested == 0) {
            return defaultLimit;
        }
        if (requested < 0 || requested > max) {
            throw Problems.invalidField(field, "must be between 1 and " + max);
        }
        return requested;
    }
}

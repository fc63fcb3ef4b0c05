package dev.eskit.commands.api;

import java.util.List;

/** The versions each append of a multi-stream append occupies, in the order of the request. */
public record AppendsResult(List<AppendResult> results) {

    public AppendsResult {
        results = List.copyOf(results);
    }

    /** True when every append had been stored by an earlier identical request, and nothing new was. */
    public boolean retried() {
        return results.stream().allMatch(AppendResult::retried);
    }
}

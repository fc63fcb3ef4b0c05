package dev.eskit.commands.api;

import java.util.List;

/** The versions each append of a multi-stream append occupies, in the order of the request. */
public record AppendsResult(List<AppendResult> results) {

    public AppendsResult {
        results = List.copyOf(results);
    }
}

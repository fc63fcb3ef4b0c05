package dev.eskit.web.streams;

import dev.eskit.commands.api.ExpectedVersion;
import dev.eskit.web.problem.Problems;

/** A deletion's parameters as the HTTP API spells them: {@code expectedVersion=<n|any>}, {@code mode=soft|tombstone}. */
final class StreamDeletions {

    private StreamDeletions() {
    }

    static ExpectedVersion expectedVersion(String value) {
        if (value.equals("any")) {
            return new ExpectedVersion.Any();
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 1) {
                return new ExpectedVersion.Exactly(version);
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw Problems.invalidField("expectedVersion", "must be a version number (1 or more) or any");
    }

    static boolean isTombstone(String mode) {
        return switch (mode) {
            case "soft" -> false;
            case "tombstone" -> true;
            default -> throw Problems.invalidField("mode", "must be soft or tombstone");
        };
    }
}

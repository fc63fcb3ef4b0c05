package dev.eskit.web.gatherings;

import dev.eskit.commands.api.gathering.Kind;
import dev.eskit.commands.api.gathering.Venue;
import dev.eskit.web.problem.Problems;
import dev.eskit.web.problem.Problems.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The bodies of the gathering calls, and their checks. */
final class GatheringRequests {

    private GatheringRequests() {
    }

    /** Where a gathering takes place. */
    record VenueRequest(@Schema(example = "Paradiso") @NotBlank @Size(max = 300) String name,
                        @Schema(example = "Weteringschans 6, Amsterdam") @Size(max = 500) String address,
                        @Schema(example = "NL") @NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 alpha-2 code") String country) {
        Venue toVenue() {
            return new Venue(name.trim(), address, country.toUpperCase(Locale.ROOT));
        }
    }

    /** A new gathering. */
    record PlanRequest(@Schema(example = "CONCERT") @NotNull String kind,
                       @Schema(example = "Late Night Jazz") @NotBlank @Size(max = 300) String name,
                       @NotNull @Valid VenueRequest venue,
                       @Schema(example = "2026-12-31T20:00:00Z") @NotNull Instant startsAt,
                       @Schema(example = "2026-12-31T23:30:00Z") @NotNull Instant endsAt,
                       @Schema(example = "150") @NotNull Integer capacity,
                       @NotNull UUID organizerId) {
    }

    /** Any of name, venue, schedule and capacity; absent members stay as they are. */
    record ChangeRequest(@Size(min = 1, max = 300) String name, @Valid VenueRequest venue, Instant startsAt, Instant endsAt,
                         Integer capacity) {
    }

    record CancellationRequest(@Schema(example = "the band fell ill") @Size(max = 500) String reason) {
    }

    record AttendeeRequest(@NotNull UUID userId) {
    }

    static Kind kind(String kind) {
        try {
            return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("kind", "must be one of PARTY, CONCERT, FESTIVAL, MEETUP");
        }
    }

    /** The rules a client can check without the store: an end after the start, at least one place. */
    static void refuseBadShape(Instant startsAt, Instant endsAt, Integer capacity) {
        List<FieldProblem> problems = new ArrayList<>();
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        if (capacity != null && capacity < 1) {
            problems.add(new FieldProblem("capacity", "must be 1 or more"));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalidFields(problems);
        }
    }
}

package dev.eskit.web.gatherings;

import dev.eskit.commands.api.gathering.GatheringCommands.CancelGathering;
import dev.eskit.commands.api.gathering.GatheringCommands.ChangeGathering;
import dev.eskit.commands.api.gathering.GatheringCommands.PlanGathering;
import dev.eskit.commands.api.gathering.GatheringCommands.RegisterAttendee;
import dev.eskit.commands.api.gathering.GatheringCommands.WithdrawAttendee;
import dev.eskit.commands.api.gathering.GatheringId;
import dev.eskit.commands.api.user.UserId;
import dev.eskit.processing.api.Projections;
import dev.eskit.queries.api.Gathering;
import dev.eskit.queries.api.GatheringFilter;
import dev.eskit.queries.api.GatheringPage;
import dev.eskit.queries.api.GatheringQueries;
import dev.eskit.queries.api.StreamReader;
import dev.eskit.queries.api.UserQueries;
import dev.eskit.web.ApiPaths;
import dev.eskit.web.ETags;
import dev.eskit.web.Preconditions;
import dev.eskit.web.ReadYourWrites;
import dev.eskit.web.gatherings.GatheringRequests.AttendeeRequest;
import dev.eskit.web.gatherings.GatheringRequests.CancellationRequest;
import dev.eskit.web.gatherings.GatheringRequests.ChangeRequest;
import dev.eskit.web.gatherings.GatheringRequests.PlanRequest;
import dev.eskit.web.problem.Problems;
import dev.eskit.web.users.UserIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.V1)
@Tag(name = "Gatherings", description = "Parties, concerts, festivals and meetups with a capacity; the list is a materialized view of the log")
class GatheringsController {

    private final GatheringQueries gatherings;
    private final UserQueries users;
    private final StreamReader streams;
    private final ReadYourWrites readYourWrites;

    GatheringsController(GatheringQueries gatherings, UserQueries users, StreamReader streams,
                         ReadYourWrites readYourWrites) {
        this.gatherings = gatherings;
        this.users = users;
        this.streams = streams;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping(path = "/gatherings", consumes = "application/json")
    @Operation(summary = "Plan a gathering")
    @ApiResponse(responseCode = "201", description = "planned")
    @ApiResponse(responseCode = "400", description = "endsAt not after startsAt, capacity below 1, an unknown kind or organizer")
    ResponseEntity<Gathering> plan(@Valid @RequestBody PlanRequest request) {
        GatheringRequests.refuseBadShape(request.startsAt(), request.endsAt(), request.capacity());
        GatheringId id = new GatheringId(UUID.randomUUID());
        write(id, new PlanGathering(id, GatheringRequests.kind(request.kind()), request.name().trim(),
                request.venue().toVenue(), request.startsAt(), request.endsAt(), request.capacity(),
                new UserId(request.organizerId())));
        Gathering gathering = gatherings.find(id.value()).orElseThrow();
        return ResponseEntity.created(URI.create(ApiPaths.V1 + "/gatherings/" + id.value()))
                .eTag(ETags.of(gathering.version())).body(gathering);
    }

    @PatchMapping(path = "/gatherings/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Rename, reschedule, move or resize a gathering", description = "All given changes are stored atomically. If-Match is optional.")
    @ApiResponse(responseCode = "200", description = "changed (or unchanged)")
    @ApiResponse(responseCode = "404", description = "no such gathering")
    @ApiResponse(responseCode = "409", description = "cancelled, or the capacity would fall below the attendees")
    @ApiResponse(responseCode = "412", description = "If-Match names another version")
    ResponseEntity<Gathering> change(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody ChangeRequest request) {
        GatheringId gathering = known(id);
        GatheringRequests.refuseBadShape(request.startsAt(), request.endsAt(), request.capacity());
        write(gathering, new ChangeGathering(gathering, ifMatch == null ? null : Preconditions.version(ifMatch),
                request.name() == null ? null : request.name().trim(),
                request.venue() == null ? null : request.venue().toVenue(),
                request.startsAt(), request.endsAt(), request.capacity()));
        return current(gathering);
    }

    @PostMapping(path = "/gatherings/{id}/cancellation", consumes = "application/json")
    @Operation(summary = "Cancel a gathering", description = "A cancelled gathering accepts no changes.")
    @ApiResponse(responseCode = "200", description = "cancelled")
    @ApiResponse(responseCode = "409", description = "cancelled already")
    ResponseEntity<Gathering> cancel(@PathVariable String id, @Valid @RequestBody CancellationRequest request) {
        GatheringId gathering = known(id);
        write(gathering, new CancelGathering(gathering, request.reason()));
        return current(gathering);
    }

    @PostMapping(path = "/gatherings/{id}/attendees", consumes = "application/json")
    @Operation(summary = "Register an attendee")
    @ApiResponse(responseCode = "201", description = "registered")
    @ApiResponse(responseCode = "404", description = "no such gathering or active user")
    @ApiResponse(responseCode = "409", description = "full, cancelled, or registered already")
    ResponseEntity<Gathering> register(@PathVariable String id, @Valid @RequestBody AttendeeRequest request) {
        GatheringId gathering = known(id);
        write(gathering, new RegisterAttendee(gathering, new UserId(request.userId())));
        Gathering view = gatherings.find(gathering.value()).orElseThrow();
        return ResponseEntity.created(URI.create(ApiPaths.V1 + "/gatherings/" + id + "/attendees/" + request.userId()))
                .eTag(ETags.of(view.version())).body(view);
    }

    @DeleteMapping("/gatherings/{id}/attendees/{userId}")
    @Operation(summary = "Withdraw an attendee")
    @ApiResponse(responseCode = "204", description = "withdrawn")
    @ApiResponse(responseCode = "404", description = "no such gathering, or the user is not registered")
    @ApiResponse(responseCode = "409", description = "the gathering is cancelled")
    ResponseEntity<Void> withdraw(@PathVariable String id, @PathVariable String userId) {
        GatheringId gathering = known(id);
        write(gathering, new WithdrawAttendee(gathering, new UserId(UserIds.parse(userId))));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/gatherings/{id}")
    @Operation(summary = "Read a gathering")
    @ApiResponse(responseCode = "200", description = "the gathering")
    @ApiResponse(responseCode = "404", description = "no such gathering")
    ResponseEntity<Gathering> find(@PathVariable String id) {
        return current(known(id));
    }

    @GetMapping("/gatherings")
    @Operation(summary = "List gatherings", description = "The materialized view, sorted by startsAt; filters combine. "
            + "from/to bound startsAt (from inclusive, to exclusive); name matches a part, ignoring case.")
    GatheringPage list(@RequestParam(required = false) String kind, @RequestParam(required = false) String country,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) String name,
                       @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit,
                       @RequestParam(required = false) String cursor) {
        String wantedKind = kind == null ? null : GatheringRequests.kind(kind).name();
        readYourWrites.awaitCompleteView(Projections.GATHERINGS);
        return gatherings.list(new GatheringFilter(wantedKind, country, instant(from, "from"), instant(to, "to"), name), limit, cursor);
    }

    @GetMapping("/users/{userId}/gatherings")
    @Operation(summary = "The gatherings a user is registered for", description = "Sorted by startsAt.")
    @ApiResponse(responseCode = "200", description = "a page of gatherings")
    @ApiResponse(responseCode = "404", description = "no such user")
    GatheringPage attended(@PathVariable String userId, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit,
                           @RequestParam(required = false) String cursor) {
        UUID user = UserIds.parse(userId);
        users.find(user).orElseThrow(() -> Problems.notFound("no user " + userId));
        readYourWrites.awaitCompleteView(Projections.GATHERINGS);
        return gatherings.attendedBy(user, limit, cursor);
    }

    private GatheringId known(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw unknown(id);
        }
        // the event store decides whether it exists: the gatherings view may be replaying
        GatheringId gathering = new GatheringId(uuid);
        if (streams.version(gathering.toString()) == 0) {
            throw unknown(id);
        }
        return gathering;
    }


    private void write(GatheringId id, Object command) {
        readYourWrites.write(Projections.GATHERINGS, id.toString(), command);
    }

    private ResponseEntity<Gathering> current(GatheringId id) {
        Gathering gathering = gatherings.find(id.value()).orElseThrow(() -> unknown(id.value().toString()));
        return ResponseEntity.ok().eTag(ETags.of(gathering.version())).body(gathering);
    }

    private static Instant instant(String text, String field) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(field, "must be an ISO-8601 instant such as 2026-12-31T20:00:00Z");
        }
    }

    private static ErrorResponseException unknown(String id) {
        return Problems.notFound("no gathering " + id);
    }
}

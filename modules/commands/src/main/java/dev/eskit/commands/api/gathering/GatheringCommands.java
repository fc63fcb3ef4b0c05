package dev.eskit.commands.api.gathering;

import dev.eskit.commands.api.user.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a gathering. */
public final class GatheringCommands {

    private GatheringCommands() {
    }

    public record PlanGathering(@TargetAggregateIdentifier GatheringId gatheringId, Kind kind, String name, Venue venue,
                                Instant startsAt, Instant endsAt, int capacity, UserId organizerId) {
    }

    /** Any of rename, reschedule, move and capacity change at once (null: unchanged), atomically. */
    public record ChangeGathering(@TargetAggregateIdentifier GatheringId gatheringId, Long expectedVersion, String name,
                                  Venue venue, Instant startsAt, Instant endsAt, Integer capacity) {
    }

    public record CancelGathering(@TargetAggregateIdentifier GatheringId gatheringId, String reason) {
    }

    public record RegisterAttendee(@TargetAggregateIdentifier GatheringId gatheringId, UserId userId) {
    }

    public record WithdrawAttendee(@TargetAggregateIdentifier GatheringId gatheringId, UserId userId) {
    }
}

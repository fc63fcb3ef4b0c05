package dev.eskit.commands.gathering;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.StreamChange;
import dev.eskit.commands.api.gathering.GatheringCommands.CancelGathering;
import dev.eskit.commands.api.gathering.GatheringCommands.ChangeGathering;
import dev.eskit.commands.api.gathering.GatheringCommands.PlanGathering;
import dev.eskit.commands.api.gathering.GatheringCommands.RegisterAttendee;
import dev.eskit.commands.api.gathering.GatheringCommands.WithdrawAttendee;
import dev.eskit.commands.api.gathering.GatheringEvents.AttendeeRegistered;
import dev.eskit.commands.api.gathering.GatheringEvents.AttendeeWithdrawn;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringCancelled;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringCapacityChanged;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringMoved;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringPlanned;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringRenamed;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringRescheduled;
import dev.eskit.commands.api.gathering.GatheringId;
import dev.eskit.commands.api.gathering.Venue;
import dev.eskit.commands.api.user.UserId;
import dev.eskit.commands.support.ActiveUsers;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A party, concert, festival or meetup. Its rules hold here, under the aggregate's lock: never more
 * attendees than places, never fewer places than attendees, nothing changes once cancelled, and
 * only active users organize or attend.
 */
@Aggregate(type = "Gathering", cache = "gatheringCache")
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
class GatheringAggregate {

    @AggregateIdentifier
    private GatheringId gatheringId;
    private long version;
    private String name;
    private Venue venue;
    private Instant startsAt;
    private Instant endsAt;
    private int capacity;
    private boolean cancelled;
    private Set<UserId> attendees = new HashSet<>();

    GatheringAggregate() {
        // Axon creates the aggregate empty and sources it from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StreamChange handle(PlanGathering command, ActiveUsers users) {
        if (gatheringId != null) {
            throw CommandRejectedException.of(Reason.ALREADY_EXISTS,
                    "gathering " + command.gatheringId().value() + " exists already", version);
        }
        refuseBadSchedule(command.startsAt(), command.endsAt());
        refuseBadCapacity(command.capacity());
        if (!users.isActive(command.organizerId())) {
            throw CommandRejectedException.of(Reason.INVALID_REQUEST, "the organizer is not a known active user", version);
        }
        apply(new GatheringPlanned(command.gatheringId(), command.kind(), command.name(), command.venue(),
                command.startsAt(), command.endsAt(), command.capacity(), command.organizerId()));
        return new StreamChange(version, true);
    }

    @CommandHandler
    StreamChange handle(ChangeGathering command) {
        refuseIfCancelled();
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw CommandRejectedException.of(Reason.STALE_VERSION,
                    "gathering is at version " + version + ", not " + command.expectedVersion(), version);
        }
        Instant newStart = command.startsAt() != null ? command.startsAt() : startsAt;
        Instant newEnd = command.endsAt() != null ? command.endsAt() : endsAt;
        refuseBadSchedule(newStart, newEnd);
        if (command.capacity() != null) {
            refuseBadCapacity(command.capacity());
            if (command.capacity() < attendees.size()) {
                throw CommandRejectedException.of(Reason.CAPACITY_BELOW_ATTENDEES,
                        "capacity " + command.capacity() + " is below the " + attendees.size() + " registered attendees", version);
            }
        }
        long before = version;
        if (command.name() != null && !command.name().equals(name)) {
            apply(new GatheringRenamed(gatheringId, command.name()));
        }
        if (!newStart.equals(startsAt) || !newEnd.equals(endsAt)) {
            apply(new GatheringRescheduled(gatheringId, newStart, newEnd));
        }
        if (command.venue() != null && !command.venue().equals(venue)) {
            apply(new GatheringMoved(gatheringId, command.venue()));
        }
        if (command.capacity() != null && command.capacity() != capacity) {
            apply(new GatheringCapacityChanged(gatheringId, command.capacity()));
        }
        return new StreamChange(version, version != before);
    }

    @CommandHandler
    StreamChange handle(CancelGathering command) {
        refuseIfCancelled();
        apply(new GatheringCancelled(gatheringId, command.reason()));
        return new StreamChange(version, true);
    }

    @CommandHandler
    StreamChange handle(RegisterAttendee command, ActiveUsers users) {
        refuseIfCancelled();
        if (!users.isActive(command.userId())) {
            throw CommandRejectedException.of(Reason.NOT_FOUND, "no active user " + command.userId().value(), version);
        }
        if (attendees.contains(command.userId())) {
            throw CommandRejectedException.of(Reason.ALREADY_REGISTERED, "the user is registered already", version);
        }
        if (attendees.size() >= capacity) {
            throw CommandRejectedException.of(Reason.GATHERING_FULL, "all " + capacity + " places are taken", version);
        }
        apply(new AttendeeRegistered(gatheringId, command.userId()));
        return new StreamChange(version, true);
    }

    @CommandHandler
    StreamChange handle(WithdrawAttendee command) {
        refuseIfCancelled();
        if (!attendees.contains(command.userId())) {
            throw CommandRejectedException.of(Reason.NOT_FOUND, "the user is not registered", version);
        }
        apply(new AttendeeWithdrawn(gatheringId, command.userId()));
        return new StreamChange(version, true);
    }

    @EventSourcingHandler
    void on(GatheringPlanned event) {
        gatheringId = event.gatheringId();
        name = event.name();
        venue = event.venue();
        startsAt = event.startsAt();
        endsAt = event.endsAt();
        capacity = event.capacity();
        version = 1;
    }

    @EventSourcingHandler
    void on(GatheringRenamed event) {
        name = event.name();
        version++;
    }

    @EventSourcingHandler
    void on(GatheringRescheduled event) {
        startsAt = event.startsAt();
        endsAt = event.endsAt();
        version++;
    }

    @EventSourcingHandler
    void on(GatheringMoved event) {
        venue = event.venue();
        version++;
    }

    @EventSourcingHandler
    void on(GatheringCapacityChanged event) {
        capacity = event.capacity();
        version++;
    }

    @EventSourcingHandler
    void on(GatheringCancelled event) {
        cancelled = true;
        version++;
    }

    @EventSourcingHandler
    void on(AttendeeRegistered event) {
        attendees.add(event.userId());
        version++;
    }

    @EventSourcingHandler
    void on(AttendeeWithdrawn event) {
        attendees.remove(event.userId());
        version++;
    }

    private void refuseIfCancelled() {
        if (cancelled) {
            throw CommandRejectedException.of(Reason.GATHERING_CANCELLED, "the gathering is cancelled and accepts no changes", version);
        }
    }

    private void refuseBadSchedule(Instant start, Instant end) {
        if (start == null || end == null || !end.isAfter(start)) {
            throw CommandRejectedException.of(Reason.INVALID_REQUEST, "endsAt must be after startsAt", version);
        }
    }

    private void refuseBadCapacity(int places) {
        if (places < 1) {
            throw CommandRejectedException.of(Reason.INVALID_REQUEST, "capacity must be 1 or more", version);
        }
    }

}

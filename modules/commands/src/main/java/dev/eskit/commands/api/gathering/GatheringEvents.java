package dev.eskit.commands.api.gathering;

import dev.eskit.commands.api.NamedEvent;
import dev.eskit.commands.api.user.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The events of a gathering's stream, named {@code Gathering.<Action>} in the log. */
public final class GatheringEvents {

    private GatheringEvents() {
    }

    /** A gathering's events name themselves after the record, without the word Gathering. */
    public interface GatheringEvent extends NamedEvent {
        GatheringId gatheringId();

        @Override
        default String eventType() {
            return "Gathering." + getClass().getSimpleName().replaceFirst("^Gathering", "");
        }
    }

    /** Revision 2: the venue became an object; revision 1 had a plain string (see VenueUpcaster). */
    @Revision("2")
    public record GatheringPlanned(GatheringId gatheringId, Kind kind, String name, Venue venue, Instant startsAt,
                                   Instant endsAt, int capacity, UserId organizerId) implements GatheringEvent {
    }

    @Revision("1")
    public record GatheringRenamed(GatheringId gatheringId, String name) implements GatheringEvent {
    }

    @Revision("1")
    public record GatheringRescheduled(GatheringId gatheringId, Instant startsAt, Instant endsAt) implements GatheringEvent {
    }

    @Revision("1")
    public record GatheringMoved(GatheringId gatheringId, Venue venue) implements GatheringEvent {
    }

    @Revision("1")
    public record GatheringCapacityChanged(GatheringId gatheringId, int capacity) implements GatheringEvent {
    }

    @Revision("1")
    public record GatheringCancelled(GatheringId gatheringId, String reason) implements GatheringEvent {
    }

    @Revision("1")
    public record AttendeeRegistered(GatheringId gatheringId, UserId userId) implements GatheringEvent {
    }

    @Revision("1")
    public record AttendeeWithdrawn(GatheringId gatheringId, UserId userId) implements GatheringEvent {
    }
}

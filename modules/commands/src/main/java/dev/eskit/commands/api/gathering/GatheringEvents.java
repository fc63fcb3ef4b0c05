package dev.eskit.commands.api.gathering;

import dev.eskit.commands.api.NamedEvent;
import dev.eskit.commands.api.user.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The events of a gathering's stream, named {@code Gathering.<Action>} in the log. */
public final class GatheringEvents {

    private GatheringEvents() {
    }

    /**
     * Each event names its public type in a constant of its own, so renaming a record renames no type
     * in the log, in Kafka or in metrics ({@code EventTypeNamesTest} pins them).
     */
    public sealed interface GatheringEvent extends NamedEvent permits GatheringPlanned, GatheringRenamed, GatheringRescheduled,
            GatheringMoved, GatheringCapacityChanged, GatheringCancelled, AttendeeRegistered, AttendeeWithdrawn {
        GatheringId gatheringId();
    }

    /** Revision 2: the venue became an object; revision 1 had a plain string (see VenueUpcaster). */
    @Revision("2")
    public record GatheringPlanned(GatheringId gatheringId, Kind kind, String name, Venue venue, Instant startsAt,
                                   Instant endsAt, int capacity, UserId organizerId) implements GatheringEvent {

        public static final String TYPE = "Gathering.Planned";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    @Revision("1")
    public record GatheringRenamed(GatheringId gatheringId, String name) implements GatheringEvent {

        public static final String TYPE = "Gathering.Renamed";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    @Revision("1")
    public record GatheringRescheduled(GatheringId gatheringId, Instant startsAt, Instant endsAt) implements GatheringEvent {

        public static final String TYPE = "Gathering.Rescheduled";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    @Revision("1")
    public record GatheringMoved(GatheringId gatheringId, Venue venue) implements GatheringEvent {

        public static final String TYPE = "Gathering.Moved";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    @Revision("1")
    public record GatheringCapacityChanged(GatheringId gatheringId, int capacity) implements GatheringEvent {

        public static final String TYPE = "Gathering.CapacityChanged";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    @Revision("1")
    public record GatheringCancelled(GatheringId gatheringId, String reason) implements GatheringEvent {

        public static final String TYPE = "Gathering.Cancelled";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    @Revision("1")
    public record AttendeeRegistered(GatheringId gatheringId, UserId userId) implements GatheringEvent {

        public static final String TYPE = "Gathering.AttendeeRegistered";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    @Revision("1")
    public record AttendeeWithdrawn(GatheringId gatheringId, UserId userId) implements GatheringEvent {

        public static final String TYPE = "Gathering.AttendeeWithdrawn";

        @Override
        public String eventType() {
            return TYPE;
        }
    }
}

package dev.eskit.queries.gathering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.commands.api.gathering.GatheringEvents.AttendeeRegistered;
import dev.eskit.commands.api.gathering.GatheringEvents.AttendeeWithdrawn;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringCancelled;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringMoved;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringPlanned;
import dev.eskit.commands.api.gathering.GatheringId;
import dev.eskit.commands.api.gathering.Kind;
import dev.eskit.commands.api.gathering.Venue;
import dev.eskit.commands.api.user.UserId;
import dev.eskit.queries.api.Gathering;
import dev.eskit.queries.api.GatheringFilter;
import dev.eskit.support.H2Test;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** The gatherings view: each handler, then the query a client would make. */
@H2Test
@Transactional
class GatheringProjectionTest {

    @Autowired
    private GatheringProjection projection;
    @Autowired
    private JpaGatheringQueries views;
    @Autowired
    private EventStore eventStore;

    private final GatheringId id = new GatheringId(UUID.randomUUID());
    private final UserId fan = new UserId(UUID.randomUUID());

    @Test
    void showsAPlannedGatheringWithItsVenueAndNoAttendees() {
        plan();
        Gathering gathering = views.find(id.value()).orElseThrow();
        assertThat(gathering.kind()).isEqualTo("FESTIVAL");
        assertThat(gathering.venue()).isEqualTo(new Venue("Field", "Road 1", "DK"));
        assertThat(gathering.attendees()).isZero();
        assertThat(gathering.status()).isEqualTo("PLANNED");
    }

    @Test
    void countsAttendeesAndListsTheirGatherings() {
        plan();
        projection.on(stored(new AttendeeRegistered(id, fan), 1), 1);
        assertThat(views.find(id.value()).orElseThrow().attendees()).isEqualTo(1);
        assertThat(views.attendedBy(fan.value(), 10, null).items()).extracting(Gathering::id).containsExactly(id.value());

        projection.on(stored(new AttendeeWithdrawn(id, fan), 2), 2);
        assertThat(views.find(id.value()).orElseThrow().attendees()).isZero();
        assertThat(views.find(id.value()).orElseThrow().version()).isEqualTo(3);
        assertThat(views.attendedBy(fan.value(), 10, null).items()).isEmpty();
    }

    @Test
    void findsAMovedGatheringInItsNewCountryAndShowsACancellation() {
        plan();
        projection.on(stored(new GatheringMoved(id, new Venue("Hall", "Street 2", "se")), 1), 1);
        projection.on(stored(new GatheringCancelled(id, "storm"), 2), 2);
        assertThat(views.list(new GatheringFilter(null, "SE", null, null, "field fest"), 10, null).items())
                .singleElement().satisfies(gathering -> assertThat(gathering.status()).isEqualTo("CANCELLED"));
    }

    private void plan() {
        projection.on(stored(new GatheringPlanned(id, Kind.FESTIVAL, "Field Fest " + id.value(), new Venue("Field", "Road 1", "dk"),
                Instant.parse("2033-06-01T12:00:00Z"), Instant.parse("2033-06-03T12:00:00Z"), 100, new UserId(UUID.randomUUID())), 0));
    }

    /** Stores the event in the gathering's stream too: a read compares the view's version with the stream's. */
    private <T> T stored(T event, long sequence) {
        eventStore.publish(new GenericDomainEventMessage<>("Gathering", id.toString(), sequence, event));
        return event;
    }
}

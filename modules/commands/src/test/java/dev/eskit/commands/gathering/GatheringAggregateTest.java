package dev.eskit.commands.gathering;

import static dev.eskit.commands.support.Rejections.rejection;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.gathering.GatheringCommands.CancelGathering;
import dev.eskit.commands.api.gathering.GatheringCommands.ChangeGathering;
import dev.eskit.commands.api.gathering.GatheringCommands.PlanGathering;
import dev.eskit.commands.api.gathering.GatheringCommands.RegisterAttendee;
import dev.eskit.commands.api.gathering.GatheringCommands.WithdrawAttendee;
import dev.eskit.commands.api.gathering.GatheringEvents.AttendeeRegistered;
import dev.eskit.commands.api.gathering.GatheringEvents.AttendeeWithdrawn;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringCancelled;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringCapacityChanged;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringPlanned;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringRenamed;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringRescheduled;
import dev.eskit.commands.api.gathering.GatheringId;
import dev.eskit.commands.api.gathering.Kind;
import dev.eskit.commands.api.gathering.Venue;
import dev.eskit.commands.api.user.UserId;
import dev.eskit.commands.support.ActiveUsers;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatheringAggregateTest {

    private static final GatheringId GIG = new GatheringId(UUID.fromString("00000000-0000-0000-0000-000000000011"));
    private static final UserId ORGANIZER = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final UserId FAN = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    private static final UserId OTHER_FAN = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000003"));
    private static final Venue CLUB = new Venue("Club", "Street 1", "NL");
    private static final Instant START = Instant.parse("2031-01-01T20:00:00Z");
    private static final Instant END = Instant.parse("2031-01-01T23:00:00Z");

    private FixtureConfiguration<GatheringAggregate> fixture;
    private final ActiveUsers users = mock(ActiveUsers.class);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GatheringAggregate.class);
        fixture.registerInjectableResource(users);
        when(users.isActive(any())).thenReturn(true);
    }

    @Test
    void plansAGathering() {
        fixture.givenNoPriorActivity()
               .when(new PlanGathering(GIG, Kind.CONCERT, "Gig", CLUB, START, END, 1, ORGANIZER))
               .expectEvents(planned(1));
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        fixture.givenNoPriorActivity()
               .when(new PlanGathering(GIG, Kind.CONCERT, "Gig", CLUB, END, START, 1, ORGANIZER))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.INVALID_REQUEST));
    }

    @Test
    void refusesACapacityBelowOne() {
        fixture.givenNoPriorActivity()
               .when(new PlanGathering(GIG, Kind.CONCERT, "Gig", CLUB, START, END, 0, ORGANIZER))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.INVALID_REQUEST));
    }

    @Test
    void refusesAnUnknownOrganizer() {
        when(users.isActive(ORGANIZER)).thenReturn(false);
        fixture.givenNoPriorActivity()
               .when(new PlanGathering(GIG, Kind.CONCERT, "Gig", CLUB, START, END, 1, ORGANIZER))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.INVALID_REQUEST));
    }

    @Test
    void appliesSeveralChangesAtOnce() {
        fixture.given(planned(5))
               .when(new ChangeGathering(GIG, 1L, "Big gig", null, START.plusSeconds(3600), END.plusSeconds(3600), 9))
               .expectEvents(new GatheringRenamed(GIG, "Big gig"),
                       new GatheringRescheduled(GIG, START.plusSeconds(3600), END.plusSeconds(3600)),
                       new GatheringCapacityChanged(GIG, 9));
    }

    @Test
    void refusesACapacityBelowTheAttendees() {
        fixture.given(planned(5), new AttendeeRegistered(GIG, FAN), new AttendeeRegistered(GIG, OTHER_FAN))
               .when(new ChangeGathering(GIG, null, null, null, null, null, 1))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.CAPACITY_BELOW_ATTENDEES));
    }

    @Test
    void registersAnAttendee() {
        fixture.given(planned(1))
               .when(new RegisterAttendee(GIG, FAN))
               .expectEvents(new AttendeeRegistered(GIG, FAN));
    }

    @Test
    void refusesRegistrationWhenFull() {
        fixture.given(planned(1), new AttendeeRegistered(GIG, FAN))
               .when(new RegisterAttendee(GIG, OTHER_FAN))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.GATHERING_FULL));
    }

    @Test
    void refusesARegisteredAttendeeTwice() {
        fixture.given(planned(5), new AttendeeRegistered(GIG, FAN))
               .when(new RegisterAttendee(GIG, FAN))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.ALREADY_REGISTERED));
    }

    @Test
    void refusesAnUnknownAttendee() {
        when(users.isActive(FAN)).thenReturn(false);
        fixture.given(planned(5))
               .when(new RegisterAttendee(GIG, FAN))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.NOT_FOUND));
    }

    @Test
    void withdrawsAnAttendee() {
        fixture.given(planned(5), new AttendeeRegistered(GIG, FAN))
               .when(new WithdrawAttendee(GIG, FAN))
               .expectEvents(new AttendeeWithdrawn(GIG, FAN));
    }

    @Test
    void refusesToWithdrawSomeoneNotRegistered() {
        fixture.given(planned(5))
               .when(new WithdrawAttendee(GIG, FAN))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.NOT_FOUND));
    }

    @Test
    void cancels() {
        fixture.given(planned(5))
               .when(new CancelGathering(GIG, "rain"))
               .expectEvents(new GatheringCancelled(GIG, "rain"));
    }

    @Test
    void refusesAnyChangeAfterCancellation() {
        fixture.given(planned(5), new GatheringCancelled(GIG, "rain"))
               .when(new RegisterAttendee(GIG, FAN))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.GATHERING_CANCELLED));
    }

    private static GatheringPlanned planned(int capacity) {
        return new GatheringPlanned(GIG, Kind.CONCERT, "Gig", CLUB, START, END, capacity, ORGANIZER);
    }
}

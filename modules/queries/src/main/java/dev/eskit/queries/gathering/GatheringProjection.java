package dev.eskit.queries.gathering;

import dev.eskit.commands.api.StreamVersions;
import dev.eskit.commands.api.gathering.GatheringEvents.AttendeeRegistered;
import dev.eskit.commands.api.gathering.GatheringEvents.AttendeeWithdrawn;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringCancelled;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringCapacityChanged;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringMoved;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringPlanned;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringRenamed;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringRescheduled;
import dev.eskit.commands.api.gathering.GatheringId;
import dev.eskit.processing.api.Projections;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** The gatherings view and who attends what, kept by the tracking processor {@code gatherings}. */
@Component
@ProcessingGroup(Projections.GATHERINGS)
class GatheringProjection {

    private final GatheringViewRepository gatherings;
    private final GatheringAttendeeRepository attendees;

    GatheringProjection(GatheringViewRepository gatherings, GatheringAttendeeRepository attendees) {
        this.gatherings = gatherings;
        this.attendees = attendees;
    }

    @ResetHandler
    void reset() {
        attendees.deleteAllInBatch();
        gatherings.deleteAllInBatch();
    }

    @EventHandler
    void on(GatheringPlanned event) {
        GatheringView view = new GatheringView(event.gatheringId().value(), event.kind().name(), event.capacity());
        view.rename(event.name());
        view.move(event.venue());
        view.reschedule(event.startsAt(), event.endsAt());
        gatherings.save(view);
    }

    @EventHandler
    void on(GatheringRenamed event, @SequenceNumber long sequence) {
        change(event.gatheringId(), sequence, view -> view.rename(event.name()));
    }

    @EventHandler
    void on(GatheringRescheduled event, @SequenceNumber long sequence) {
        change(event.gatheringId(), sequence, view -> view.reschedule(event.startsAt(), event.endsAt()));
    }

    @EventHandler
    void on(GatheringMoved event, @SequenceNumber long sequence) {
        change(event.gatheringId(), sequence, view -> view.move(event.venue()));
    }

    @EventHandler
    void on(GatheringCapacityChanged event, @SequenceNumber long sequence) {
        change(event.gatheringId(), sequence, view -> view.capacity(event.capacity()));
    }

    @EventHandler
    void on(GatheringCancelled event, @SequenceNumber long sequence) {
        change(event.gatheringId(), sequence, GatheringView::cancel);
    }

    @EventHandler
    void on(AttendeeRegistered event, @SequenceNumber long sequence) {
        attendees.save(new GatheringAttendee(event.gatheringId().value(), event.userId().value()));
        change(event.gatheringId(), sequence, view -> view.attendeesChangedBy(1));
    }

    @EventHandler
    void on(AttendeeWithdrawn event, @SequenceNumber long sequence) {
        attendees.deleteById(new GatheringAttendee.Key(event.gatheringId().value(), event.userId().value()));
        change(event.gatheringId(), sequence, view -> view.attendeesChangedBy(-1));
    }

    private void change(GatheringId id, long sequence, Consumer<GatheringView> change) {
        gatherings.findById(id.value()).ifPresent(view -> {
            change.accept(view);
            view.version(StreamVersions.ofSequence(sequence));
        });
    }
}

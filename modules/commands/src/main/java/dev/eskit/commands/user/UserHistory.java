package dev.eskit.commands.user;

import dev.eskit.commands.api.PersonalValue;
import dev.eskit.commands.api.user.UserEvents.UserDeactivated;
import dev.eskit.commands.api.user.UserEvents.UserErased;
import dev.eskit.commands.api.user.UserEvents.UserProfileChanged;
import dev.eskit.commands.api.user.UserEvents.UserRegistered;
import dev.eskit.commands.api.user.UserId;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A user as their own stream tells it. The write side's tables commit separately from the events on
 * Axon Server, in either order; where a decision must not rest on a row that may be a leftover, it
 * rests on this.
 */
@Component
class UserHistory {

    private final ObjectProvider<EventStore> eventStore;

    UserHistory(ObjectProvider<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    UserState of(UserId user) {
        UserState state = UserState.UNKNOWN;
        DomainEventStream events = eventStore.getObject().readEvents(user.toString());
        while (events.hasNext()) {
            state = state.after(events.next().getPayload());
        }
        return state;
    }

    /** Whether the user's stream has events, whether the user is active, and their sealed email. */
    record UserState(boolean exists, boolean active, PersonalValue email) {

        static final UserState UNKNOWN = new UserState(false, false, null);

        UserState after(Object event) {
            if (event instanceof UserRegistered registered) {
                return new UserState(true, true, registered.email());
            }
            if (event instanceof UserProfileChanged changed) {
                return new UserState(true, active, changed.email() != null ? changed.email() : email);
            }
            if (event instanceof UserDeactivated) {
                return new UserState(true, false, email);
            }
            if (event instanceof UserErased) {
                return new UserState(true, false, null);
            }
            return this;
        }
    }
}

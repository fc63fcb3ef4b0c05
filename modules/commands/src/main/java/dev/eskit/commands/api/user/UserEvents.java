package dev.eskit.commands.api.user;

import dev.eskit.commands.api.NamedEvent;
import dev.eskit.commands.api.PersonalValue;
import org.axonframework.serialization.Revision;

/** The events of a user's stream; name and email are sealed with the user's own key. */
public final class UserEvents {

    private UserEvents() {
    }

    @Revision("1")
    public record UserRegistered(UserId userId, PersonalValue name, PersonalValue email) implements NamedEvent {
        @Override
        public String eventType() {
            return "User.Registered";
        }

        @Override
        public Object eventData() {
            return this;
        }
    }

    /** Only the fields that changed are set. */
    @Revision("1")
    public record UserProfileChanged(UserId userId, PersonalValue name, PersonalValue email) implements NamedEvent {
        @Override
        public String eventType() {
            return "User.ProfileChanged";
        }

        @Override
        public Object eventData() {
            return this;
        }
    }

    @Revision("1")
    public record UserDeactivated(UserId userId) implements NamedEvent {
        @Override
        public String eventType() {
            return "User.Deactivated";
        }

        @Override
        public Object eventData() {
            return this;
        }
    }

    /** The user's key was destroyed: their personal data is unreadable everywhere from now on. */
    @Revision("1")
    public record UserErased(UserId userId) implements NamedEvent {
        @Override
        public String eventType() {
            return "User.Erased";
        }

        @Override
        public Object eventData() {
            return this;
        }
    }
}

package dev.eskit.commands.api.user;

import dev.eskit.commands.api.NamedEvent;
import dev.eskit.commands.api.PersonalValue;
import org.axonframework.serialization.Revision;

/** The events of a user's stream, named {@code User.<Action>} in the log; name and email are sealed with the user's own key. */
public final class UserEvents {

    private UserEvents() {
    }

    /**
     * Each event names its public type in a constant of its own, so renaming a record renames no type
     * in the log, in Kafka or in metrics ({@code EventTypeNamesTest} pins them).
     */
    public sealed interface UserEvent extends NamedEvent permits UserRegistered, UserProfileChanged, UserDeactivated, UserErased {
        UserId userId();
    }

    @Revision("1")
    public record UserRegistered(UserId userId, PersonalValue name, PersonalValue email) implements UserEvent {

        public static final String TYPE = "User.Registered";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    /** Only the fields that changed are set. */
    @Revision("1")
    public record UserProfileChanged(UserId userId, PersonalValue name, PersonalValue email) implements UserEvent {

        public static final String TYPE = "User.ProfileChanged";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    @Revision("1")
    public record UserDeactivated(UserId userId) implements UserEvent {

        public static final String TYPE = "User.Deactivated";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    /** The user's key was destroyed: their personal data is unreadable everywhere from now on. */
    @Revision("1")
    public record UserErased(UserId userId) implements UserEvent {

        public static final String TYPE = "User.Erased";

        @Override
        public String eventType() {
            return TYPE;
        }
    }
}

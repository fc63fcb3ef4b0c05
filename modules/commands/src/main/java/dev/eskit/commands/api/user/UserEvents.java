package dev.eskit.commands.api.user;

import dev.eskit.commands.api.NamedEvent;
import dev.eskit.commands.api.PersonalValue;
import org.axonframework.serialization.Revision;

/** The events of a user's stream, named {@code User.<Action>} in the log; name and email are sealed with the user's own key. */
public final class UserEvents {

    private UserEvents() {
    }

    /** A user's events name themselves after the record, without the word User. */
    public interface UserEvent extends NamedEvent {
        UserId userId();

        @Override
        default String eventType() {
            return "User." + getClass().getSimpleName().replaceFirst("^User", "");
        }
    }

    @Revision("1")
    public record UserRegistered(UserId userId, PersonalValue name, PersonalValue email) implements UserEvent {
    }

    /** Only the fields that changed are set. */
    @Revision("1")
    public record UserProfileChanged(UserId userId, PersonalValue name, PersonalValue email) implements UserEvent {
    }

    @Revision("1")
    public record UserDeactivated(UserId userId) implements UserEvent {
    }

    /** The user's key was destroyed: their personal data is unreadable everywhere from now on. */
    @Revision("1")
    public record UserErased(UserId userId) implements UserEvent {
    }
}

package dev.eskit.commands.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.PersonalDataVault;
import dev.eskit.commands.api.PersonalValue;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.StreamChange;
import dev.eskit.commands.api.user.UserCommands.ChangeUserProfile;
import dev.eskit.commands.api.user.UserCommands.DeactivateUser;
import dev.eskit.commands.api.user.UserCommands.EraseUser;
import dev.eskit.commands.api.user.UserCommands.RegisterUser;
import dev.eskit.commands.api.user.UserEvents.UserDeactivated;
import dev.eskit.commands.api.user.UserEvents.UserErased;
import dev.eskit.commands.api.user.UserEvents.UserProfileChanged;
import dev.eskit.commands.api.user.UserEvents.UserRegistered;
import dev.eskit.commands.api.user.UserId;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user: registered, profile changed, deactivated, erased. Name and email are sealed with the
 * user's own key before they enter an event; the email's uniqueness among active users is a claim in
 * {@link UserEmails}, made and committed before the command was sent ({@link PersonalDataBeforeDispatch});
 * claiming again here finds that claim, or decides for a command sent without it.
 */
@Aggregate(type = "User", cache = "userCache")
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
class UserAggregate {

    @AggregateIdentifier
    private UserId userId;
    private long version;
    private PersonalValue name;
    private PersonalValue email;
    private boolean active;
    private boolean erased;

    UserAggregate() {
        // Axon creates the aggregate empty and sources it from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StreamChange handle(RegisterUser command, UserEmails emails, PersonalDataVault vault) {
        if (userId != null) {
            throw CommandRejectedException.of(Reason.ALREADY_EXISTS, "user " + command.userId().value() + " exists already", version);
        }
        if (!emails.claim(command.email(), command.userId())) {
            throw CommandRejectedException.of(Reason.EMAIL_TAKEN, "an active user has this email", version);
        }
        String subject = command.userId().toString();
        apply(new UserRegistered(command.userId(), vault.seal(subject, command.name()), vault.seal(subject, command.email())));
        return new StreamChange(version, true);
    }

    @CommandHandler
    StreamChange handle(ChangeUserProfile command, UserEmails emails, PersonalDataVault vault) {
        refuseUnlessActive();
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw CommandRejectedException.of(Reason.STALE_VERSION,
                    "user is at version " + version + ", not " + command.expectedVersion(), version);
        }
        String newName = changed(vault, name, command.name());
        String newEmail = changed(vault, email, command.email());
        if (newName == null && newEmail == null) {
            return new StreamChange(version, false);
        }
        if (newEmail != null && !emails.claim(newEmail, userId)) {
            throw CommandRejectedException.of(Reason.EMAIL_TAKEN, "an active user has this email", version);
        }
        String subject = userId.toString();
        apply(new UserProfileChanged(userId, newName == null ? null : vault.seal(subject, newName),
                newEmail == null ? null : vault.seal(subject, newEmail)));
        if (newEmail != null) {
            emails.release(userId, newEmail);
        }
        return new StreamChange(version, true);
    }

    @CommandHandler
    StreamChange handle(DeactivateUser command, UserEmails emails) {
        if (!active) {
            return new StreamChange(version, false);
        }
        emails.release(userId, null);
        apply(new UserDeactivated(userId));
        return new StreamChange(version, true);
    }

    /** The key was destroyed before this command was sent ({@link PersonalDataBeforeDispatch}): no copy of the user's data can be read. */
    @CommandHandler
    StreamChange handle(EraseUser command, UserEmails emails) {
        if (erased) {
            return new StreamChange(version, false);
        }
        emails.release(userId, null);
        apply(new UserErased(userId));
        return new StreamChange(version, true);
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        name = event.name();
        email = event.email();
        active = true;
        version = 1;
    }

    @EventSourcingHandler
    void on(UserProfileChanged event) {
        name = event.name() != null ? event.name() : name;
        email = event.email() != null ? event.email() : email;
        version++;
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
        version++;
    }

    @EventSourcingHandler
    void on(UserErased event) {
        active = false;
        erased = true;
        name = null;
        email = null;
        version++;
    }

    /** The requested value when it differs from the current one, else null. */
    private static String changed(PersonalDataVault vault, PersonalValue current, String requested) {
        return requested == null || Objects.equals(vault.reveal(current), requested) ? null : requested;
    }

    private void refuseUnlessActive() {
        if (!active) {
            throw CommandRejectedException.of(Reason.USER_INACTIVE,
                    "user " + userId.value() + " is " + (erased ? "erased" : "deactivated"), version);
        }
    }

}

package dev.eskit.commands.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a user. */
public final class UserCommands {

    private UserCommands() {
    }

    /** Registers a user; refused while an active user has the email. */
    public record RegisterUser(@TargetAggregateIdentifier UserId userId, String name, String email) {
    }

    /** Changes name and/or email (null: unchanged) if the user is at {@code expectedVersion} (null: any). */
    public record ChangeUserProfile(@TargetAggregateIdentifier UserId userId, Long expectedVersion, String name, String email) {
    }

    public record DeactivateUser(@TargetAggregateIdentifier UserId userId) {
    }

    /** Destroys the user's personal data everywhere; the stream and its versions remain. */
    public record EraseUser(@TargetAggregateIdentifier UserId userId) {
    }
}

package dev.eskit.commands.user;

import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.PersonalDataVault;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.user.UserCommands.ChangeUserProfile;
import dev.eskit.commands.api.user.UserCommands.EraseUser;
import dev.eskit.commands.api.user.UserCommands.RegisterUser;
import dev.eskit.commands.api.user.UserId;
import java.util.List;
import java.util.function.BiFunction;
import javax.annotation.Nonnull;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a user's command needs in the database, done where the command is sent, each change committed
 * at once: the key that will seal the user's data, the claim on an email, the destruction of the key
 * on erasure. On the JDBC store a command's rows and events commit together; on Axon Server they
 * commit apart, in an order Axon does not promise. Doing this first means no event is ever readable
 * before the key or claim it relies on, and an erasure's key is gone before its event says so. If
 * the command then fails, what was done here is harmless: a key that sealed nothing, a claim that
 * the next claimant recognises as a leftover ({@link UserEmails}), or a key destroyed for an erasure
 * that the client retries.
 */
@Component
class PersonalDataBeforeDispatch implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final PersonalDataVault vault;
    private final UserEmails emails;
    private final TransactionTemplate ownTransaction;

    PersonalDataBeforeDispatch(PersonalDataVault vault, UserEmails emails, PlatformTransactionManager transactions) {
        this.vault = vault;
        this.emails = emails;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Nonnull
    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(@Nonnull List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            Object command = message.getPayload();
            if (command instanceof RegisterUser register) {
                inOwnTransaction(() -> {
                    vault.prepare(register.userId().toString());
                    claim(register.email(), register.userId());
                });
            } else if (command instanceof ChangeUserProfile change && change.email() != null) {
                inOwnTransaction(() -> claim(change.email(), change.userId()));
            } else if (command instanceof EraseUser erase) {
                inOwnTransaction(() -> vault.shred(erase.userId().toString()));
            }
            return message;
        };
    }

    /** Committed before the command leaves, even where the sender has a transaction open; only for these commands, not every one. */
    private void inOwnTransaction(Runnable work) {
        ownTransaction.executeWithoutResult(status -> work.run());
    }

    private void claim(String email, UserId user) {
        if (!emails.claim(email, user)) {
            throw CommandRejectedException.of(Reason.EMAIL_TAKEN, "an active user has this email", null);
        }
    }
}

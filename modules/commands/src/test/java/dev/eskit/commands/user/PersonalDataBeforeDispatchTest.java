package dev.eskit.commands.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.PersonalDataVault;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.user.UserCommands.ChangeUserProfile;
import dev.eskit.commands.api.user.UserCommands.DeactivateUser;
import dev.eskit.commands.api.user.UserCommands.EraseUser;
import dev.eskit.commands.api.user.UserCommands.RegisterUser;
import dev.eskit.commands.api.user.UserId;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.mockito.InOrder;

class PersonalDataBeforeDispatchTest {

    private static final UserId ADA = new UserId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));

    private final PersonalDataVault vault = mock(PersonalDataVault.class);
    private final UserEmails emails = mock(UserEmails.class);
    private final PersonalDataBeforeDispatch beforeDispatch = new PersonalDataBeforeDispatch(vault, emails,
            mock(PlatformTransactionManager.class));

    @Test
    void makesTheKeyAndClaimsTheEmailBeforeARegistrationIsSent() {
        when(emails.claim("ada@example.com", ADA)).thenReturn(true);
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new RegisterUser(ADA, "Ada", "ada@example.com"));
        assertThat(dispatch(command)).isSameAs(command);
        InOrder order = inOrder(vault, emails);
        order.verify(vault).prepare(ADA.toString());
        order.verify(emails).claim("ada@example.com", ADA);
    }

    @Test
    void refusesARegistrationWhoseEmailAnotherUserHolds() {
        when(emails.claim(anyString(), any())).thenReturn(false);
        assertThatThrownBy(() -> dispatch(GenericCommandMessage.asCommandMessage(new RegisterUser(ADA, "Ada", "ada@example.com"))))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        refused -> assertThat(refused.rejection().reason()).isEqualTo(Reason.EMAIL_TAKEN));
    }

    @Test
    void claimsANewEmailBeforeAProfileChangeIsSent() {
        when(emails.claim("lovelace@example.com", ADA)).thenReturn(true);
        dispatch(GenericCommandMessage.asCommandMessage(new ChangeUserProfile(ADA, 1L, null, "lovelace@example.com")));
        verify(emails).claim("lovelace@example.com", ADA);
    }

    @Test
    void destroysTheKeyBeforeAnErasureIsSent() {
        dispatch(GenericCommandMessage.asCommandMessage(new EraseUser(ADA)));
        verify(vault).shred(ADA.toString());
    }

    @Test
    void leavesOtherCommandsAlone() {
        dispatch(GenericCommandMessage.asCommandMessage(new DeactivateUser(ADA)));
        dispatch(GenericCommandMessage.asCommandMessage(new ChangeUserProfile(ADA, 1L, "Ada", null)));
        verifyNoInteractions(vault, emails);
    }

    private CommandMessage<?> dispatch(CommandMessage<?> command) {
        return beforeDispatch.handle(List.of(command)).apply(0, command);
    }
}

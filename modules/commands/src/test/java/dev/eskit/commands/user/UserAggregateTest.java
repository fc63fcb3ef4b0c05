package dev.eskit.commands.user;

import static dev.eskit.commands.support.Rejections.rejection;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.eskit.commands.api.PersonalDataVault;
import dev.eskit.commands.api.PersonalValue;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.user.UserCommands.ChangeUserProfile;
import dev.eskit.commands.api.user.UserCommands.DeactivateUser;
import dev.eskit.commands.api.user.UserCommands.EraseUser;
import dev.eskit.commands.api.user.UserCommands.RegisterUser;
import dev.eskit.commands.api.user.UserEvents.UserDeactivated;
import dev.eskit.commands.api.user.UserEvents.UserErased;
import dev.eskit.commands.api.user.UserEvents.UserProfileChanged;
import dev.eskit.commands.api.user.UserEvents.UserRegistered;
import dev.eskit.commands.api.user.UserId;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAggregateTest {

    private static final UserId ADA = new UserId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));

    private FixtureConfiguration<UserAggregate> fixture;
    private final UserEmails emails = mock(UserEmails.class);
    private final PersonalDataVault vault = mock(PersonalDataVault.class);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAggregate.class);
        fixture.registerInjectableResource(emails);
        fixture.registerInjectableResource(vault);
        when(emails.claim(anyString(), any())).thenReturn(true);
        when(vault.seal(anyString(), anyString())).thenAnswer(call -> sealed(call.getArgument(1)));
        when(vault.reveal(any())).thenAnswer(call -> call.getArgument(0) == null ? null
                : ((PersonalValue) call.getArgument(0)).ciphertext().replace("sealed:", ""));
        when(vault.open(any())).thenAnswer(call -> Optional.of(((PersonalValue) call.getArgument(0)).ciphertext()));
    }

    @Test
    void registersWithNameAndEmailSealedForTheUser() {
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(ADA, "Ada", "ada@example.com"))
               .expectEvents(new UserRegistered(ADA, sealed("Ada"), sealed("ada@example.com")));
    }

    @Test
    void refusesAnEmailAnotherUserHolds() {
        when(emails.claim("ada@example.com", ADA)).thenReturn(false);
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(ADA, "Ada", "ada@example.com"))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.EMAIL_TAKEN));
    }

    @Test
    void refusesToRegisterTheSameIdTwice() {
        fixture.given(registered())
               .when(new RegisterUser(ADA, "Ada", "other@example.com"))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.ALREADY_EXISTS));
    }

    @Test
    void changesOnlyWhatDiffers() {
        fixture.given(registered())
               .when(new ChangeUserProfile(ADA, 1L, "Ada", "lovelace@example.com"))
               .expectEvents(new UserProfileChanged(ADA, null, sealed("lovelace@example.com")));
        verify(emails).release(ADA, "lovelace@example.com");
    }

    @Test
    void storesNothingForAnUnchangedProfile() {
        fixture.given(registered())
               .when(new ChangeUserProfile(ADA, 1L, "Ada", "ada@example.com"))
               .expectNoEvents();
    }

    @Test
    void refusesAStaleVersion() {
        fixture.given(registered(), new UserProfileChanged(ADA, sealed("Bea"), null))
               .when(new ChangeUserProfile(ADA, 1L, "Cy", null))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.STALE_VERSION));
    }

    @Test
    void refusesChangesOfADeactivatedUser() {
        fixture.given(registered(), new UserDeactivated(ADA))
               .when(new ChangeUserProfile(ADA, 2L, "Cy", null))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.USER_INACTIVE));
    }

    @Test
    void deactivatesAndFreesTheEmail() {
        fixture.given(registered())
               .when(new DeactivateUser(ADA))
               .expectEvents(new UserDeactivated(ADA));
        verify(emails).release(ADA, null);
    }

    @Test
    void erasesAndFreesTheEmail() {
        fixture.given(registered())
               .when(new EraseUser(ADA))
               .expectEvents(new UserErased(ADA));
        verify(emails).release(ADA, null);
    }

    @Test
    void erasesOnlyOnce() {
        fixture.given(registered(), new UserErased(ADA))
               .when(new EraseUser(ADA))
               .expectNoEvents();
    }

    private static UserRegistered registered() {
        return new UserRegistered(ADA, sealed("Ada"), sealed("ada@example.com"));
    }

    private static PersonalValue sealed(String plaintext) {
        return new PersonalValue(ADA.toString(), "sealed:" + plaintext);
    }
}

package dev.eskit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetails;

class AccountsTest {

    private static final SecurityProperties.User OPERATOR =
            new SecurityProperties.User("ops", "{bcrypt}$2a$10$GaBNGtRa54iNaeLF4EXPF.h7g8bVleft78SrRhp95jCBjOEx3M0/O", List.of("admin"));

    @Test
    void offersTheDevelopmentAccountsInTheEmbeddedDefault() {
        List<UserDetails> accounts = Accounts.from(new SecurityProperties(true, List.of(), Duration.ZERO, null), new MockEnvironment());
        assertThat(accounts).extracting(UserDetails::getUsername).containsExactly("reader", "writer", "admin");
    }

    @Test
    void refusesToStartWithDevelopmentAccountsUnderAnyProfile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("postgres");
        assertThatThrownBy(() -> Accounts.from(new SecurityProperties(true, List.of(OPERATOR), Duration.ZERO, null), production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("development accounts");
    }

    @Test
    void takesConfiguredUsersUnderAProfile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("postgres");
        List<UserDetails> accounts = Accounts.from(new SecurityProperties(false, List.of(OPERATOR), Duration.ZERO, null), production);
        assertThat(accounts).singleElement().satisfies(user -> {
            assertThat(user.getUsername()).isEqualTo("ops");
            assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_admin");
        });
    }

    @Test
    void refusesAnUnknownRole() {
        SecurityProperties.User odd = new SecurityProperties.User("x", "{noop}x", List.of("root"));
        assertThatThrownBy(() -> Accounts.from(new SecurityProperties(false, List.of(odd), Duration.ZERO, null), new MockEnvironment()))
                .hasMessageContaining("unknown role");
    }
}

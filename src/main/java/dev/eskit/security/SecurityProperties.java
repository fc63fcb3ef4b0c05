package dev.eskit.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eskit.security.*}: the HTTP Basic users (passwords stored hashed, e.g. {@code {bcrypt}$2a$...}),
 * whether the development accounts are on, and how long a verified password is remembered.
 */
@ConfigurationProperties("eskit.security")
record SecurityProperties(boolean devAccounts, List<User> users, Duration credentialCacheTtl) {

    SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        credentialCacheTtl = credentialCacheTtl == null ? Duration.ofMinutes(5) : credentialCacheTtl;
    }

    /** One configured account: its name, hashed password and roles (reader, writer, admin). */
    record User(String name, String password, List<String> roles) {
    }
}

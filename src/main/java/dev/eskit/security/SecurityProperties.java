package dev.eskit.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eskit.security.*}: the HTTP Basic users (passwords stored hashed, e.g. {@code {bcrypt}$2a$...}),
 * whether the development accounts are on, how long a verified password is remembered, and which
 * claims of a bearer token name its subject and roles.
 */
@ConfigurationProperties("eskit.security")
record SecurityProperties(boolean devAccounts, List<User> users, Duration credentialCacheTtl, Jwt jwt) {

    SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        credentialCacheTtl = credentialCacheTtl == null ? Duration.ofMinutes(5) : credentialCacheTtl;
        jwt = jwt == null ? new Jwt(null, null, null) : jwt;
    }

    /** One configured account: its name, hashed password and roles (reader, writer, admin). */
    record User(String name, String password, List<String> roles) {
    }

    /**
     * The claims of a bearer token: {@code rolesClaim} is a dotted path (Keycloak puts roles under
     * {@code realm_access.roles}) to a list or a space-separated string; {@code principalClaim} names the
     * actor; {@code issuer}, when set, is the only {@code iss} accepted (for keys configured directly;
     * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} checks its own issuer).
     */
    record Jwt(String rolesClaim, String principalClaim, String issuer) {

        Jwt {
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
            principalClaim = principalClaim == null ? "sub" : principalClaim;
        }
    }
}

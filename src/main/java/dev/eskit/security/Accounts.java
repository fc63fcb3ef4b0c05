package dev.eskit.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The accounts allowed in: those configured, plus the three development accounts when enabled.
 * The development accounts exist only for the embedded default; any active profile refuses them.
 */
final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private Accounts() {
    }

    static List<UserDetails> from(SecurityProperties properties, Environment environment) {
        List<UserDetails> accounts = new ArrayList<>();
        if (properties.devAccounts()) {
            refuseOutsideTheEmbeddedDefault(environment);
            log.warn("""

                    ************************************************************************
                    *  DEVELOPMENT ACCOUNTS ARE ENABLED: reader/reader-dev, writer/writer-dev, admin/admin-dev
                    *  Anyone who can reach this port can read and write. Never expose it.
                    ************************************************************************""");
            accounts.add(account("reader", "{noop}reader-dev", List.of(Roles.READER)));
            accounts.add(account("writer", "{noop}writer-dev", List.of(Roles.WRITER)));
            accounts.add(account("admin", "{noop}admin-dev", List.of(Roles.ADMIN)));
        }
        properties.users().forEach(user -> accounts.add(account(user.name(), user.password(), user.roles())));
        return accounts;
    }

    private static void refuseOutsideTheEmbeddedDefault(Environment environment) {
        String[] profiles = environment.getActiveProfiles();
        if (profiles.length > 0) {
            throw new IllegalStateException("the development accounts are enabled (eskit.security.dev-accounts=true) "
                    + "while profiles " + Arrays.toString(profiles) + " are active; they are only allowed in the "
                    + "embedded default. Configure eskit.security.users instead.");
        }
    }

    private static UserDetails account(String name, String password, List<String> roles) {
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalStateException("user " + name + " has unknown role " + role + "; roles are " + Roles.ALL);
            }
        }
        return User.withUsername(name).password(password).roles(roles.toArray(String[]::new)).build();
    }
}

package dev.eskit.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the production profile with what is only fit for development: the development
 * accounts, the development email pepper, an empty database password, the placeholders of
 * {@code .env.example}, plain-text or placeholder passwords, no
 * certificate, an Axon Server without its access token, or no way to log in at all. It listens for
 * the prepared context (registered in {@code META-INF/spring.factories}) because the HTTPS server
 * starts before any bean could check, and it names every problem at once.
 */
public class ProductionSafeguards implements ApplicationListener<ApplicationPreparedEvent> {

    static final String DEVELOPMENT_PEPPER = "eskit-development-pepper";
    private static final String PLACEHOLDER = "change-me";
    private static final List<String> SECRETS =
            List.of("eskit.users.email-pepper", "spring.datasource.password", "axon.axonserver.token");

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> problems = check(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the prod profile refuses to start:\n - " + String.join("\n - ", problems));
        }
    }

    static List<String> check(Environment environment) {
        List<String> problems = new ArrayList<>();
        if (environment.getProperty("eskit.security.dev-accounts", Boolean.class, false)) {
            problems.add("eskit.security.dev-accounts is true; configure eskit.security.users or bearer tokens");
        }
        String pepper = environment.getProperty("eskit.users.email-pepper", "");
        if (pepper.equals(DEVELOPMENT_PEPPER) || pepper.length() < 16) {
            problems.add("eskit.users.email-pepper (ESKIT_EMAIL_PEPPER) is the development default or shorter than 16 characters");
        }
        if (environment.getProperty("spring.datasource.password", "").isBlank()) {
            problems.add("spring.datasource.password (ESKIT_DB_PASSWORD) is empty");
        }
        if (environment.getProperty("spring.ssl.bundle.pem.eskit.keystore.certificate", "").isBlank()) {
            problems.add("no TLS certificate: set ESKIT_TLS_CERTIFICATE and ESKIT_TLS_PRIVATE_KEY");
        }
        if (environment.getProperty("axon.axonserver.enabled", Boolean.class, false)
                && environment.getProperty("axon.axonserver.token", "").isBlank()) {
            problems.add("axon.axonserver.token (AXONSERVER_TOKEN) is empty while Axon Server access control is on");
        }
        for (String secret : SECRETS) {
            if (environment.getProperty(secret, "").startsWith(PLACEHOLDER)) {
                problems.add(secret + " is still the placeholder from .env.example");
            }
        }
        List<User> users = Binder.get(environment).bind("eskit.security.users", Bindable.listOf(User.class)).orElse(List.of());
        List<String> passwords = users.stream()
                .filter(user -> user.password() == null || !user.password().startsWith("{bcrypt}")
                        || user.password().contains("replace.this"))
                .map(User::name).toList();
        if (!passwords.isEmpty()) {
            problems.add("users " + passwords + " have passwords that are not {bcrypt} hashes");
        }
        boolean bearerTokens = environment.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                || environment.containsProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
                || environment.containsProperty("spring.security.oauth2.resourceserver.jwt.public-key-location");
        if (users.isEmpty() && !bearerTokens) {
            problems.add("nobody could log in: configure eskit.security.users or spring.security.oauth2.resourceserver.jwt.*");
        }
        return problems;
    }

    /** The part of a configured user this check reads. */
    record User(String name, String password) {
    }
}

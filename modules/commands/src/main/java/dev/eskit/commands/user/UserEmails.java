package dev.eskit.commands.user;

import dev.eskit.commands.api.user.UserId;
import dev.eskit.commands.support.ActiveUsers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The set validation an aggregate cannot do alone: which active user owns which email. Claims are
 * rows in {@code user_email}, written in the transaction that stores the user's event, so the
 * table's primary key decides between concurrent registrations. Emails are kept only as keyed
 * digests (HMAC-SHA256), so the table holds no readable personal data; a user's rows go when the
 * user is deactivated or erased, which also makes the table the list of active users.
 */
@Component
class UserEmails implements ActiveUsers {

    private final JdbcTemplate jdbc;
    private final SecretKeySpec pepper;

    UserEmails(JdbcTemplate jdbc, @Value("${eskit.users.email-pepper}") String pepper) {
        this.jdbc = jdbc;
        this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Claims the email for the user; false when another active user holds it. */
    boolean claim(String email, UserId user) {
        String digest = digest(email);
        jdbc.update("INSERT INTO user_email (email_digest, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING", digest, user.toString());
        String owner = jdbc.queryForObject("SELECT user_id FROM user_email WHERE email_digest = ?", String.class, digest);
        return user.toString().equals(owner);
    }

    /** Frees every email the user holds. */
    void release(UserId user) {
        jdbc.update("DELETE FROM user_email WHERE user_id = ?", user.toString());
    }

    @Override
    public boolean isActive(UserId user) {
        return !jdbc.queryForList("SELECT 1 FROM user_email WHERE user_id = ?", Integer.class, user.toString()).isEmpty();
    }

    private String digest(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM ships HmacSHA256", e);
        }
    }
}

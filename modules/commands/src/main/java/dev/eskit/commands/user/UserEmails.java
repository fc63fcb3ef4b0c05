package dev.eskit.commands.user;

import dev.eskit.commands.api.PersonalDataVault;
import dev.eskit.commands.api.user.UserId;
import dev.eskit.commands.support.ActiveUsers;
import dev.eskit.commands.user.UserHistory.UserState;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The set validation an aggregate cannot do alone: which user holds which email. A claim is a row in
 * {@code user_email}, keyed by the email's keyed digest (HMAC-SHA256, so the table holds no readable
 * personal data), committed on its own before the command that needs it is sent: the table's primary
 * key decides between concurrent claimants, and the claim exists before any event that relies on it,
 * whichever of the two stores commits first. A claim is a lock, not the truth: one whose owner's
 * stream shows no active user holding that email (a registration that failed after claiming, a
 * release that did not commit) is a leftover, and the next claimant takes it over.
 */
@Component
class UserEmails implements ActiveUsers {

    private final JdbcTemplate jdbc;
    private final SecretKeySpec pepper;
    private final UserHistory history;
    private final PersonalDataVault vault;
    private final Clock clock;
    private final Duration inFlight;

    UserEmails(JdbcTemplate jdbc, @Value("${eskit.users.email-pepper}") String pepper, UserHistory history,
               PersonalDataVault vault, Clock clock, @Value("${eskit.users.claim-timeout:PT1M}") Duration inFlight) {
        this.jdbc = jdbc;
        this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.history = history;
        this.vault = vault;
        this.clock = clock;
        this.inFlight = inFlight;
    }

    /**
     * Claims the email for the user; false while another user holds it or may be registering with it.
     * Before a command is sent it runs in a transaction of its own and commits at once
     * ({@link PersonalDataBeforeDispatch}); a handler that claims again within its transaction finds
     * that claim and changes nothing.
     */
    boolean claim(String email, UserId user) {
        String digest = digest(email);
        for (int attempt = 0; attempt < 3; attempt++) {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.update("INSERT INTO user_email (email_digest, user_id, claimed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    digest, user.toString(), now);
            List<Claim> claims = jdbc.query("SELECT user_id, claimed_at FROM user_email WHERE email_digest = ?",
                    (row, i) -> new Claim(row.getString(1), row.getTimestamp(2).toInstant()), digest);
            if (claims.isEmpty()) {
                continue; // released between the two statements: claim again
            }
            Claim claim = claims.get(0);
            if (claim.owner().equals(user.toString())) {
                return true;
            }
            return !standing(claim, digest) && jdbc.update("UPDATE user_email SET user_id = ?, claimed_at = ? "
                    + "WHERE email_digest = ? AND user_id = ?", user.toString(), now, digest, claim.owner()) == 1;
        }
        return false;
    }

    /** Frees every email the user holds but {@code kept} (null: every one). */
    void release(UserId user, String kept) {
        if (kept == null) {
            jdbc.update("DELETE FROM user_email WHERE user_id = ?", user.toString());
        } else {
            jdbc.update("DELETE FROM user_email WHERE user_id = ? AND email_digest <> ?", user.toString(), digest(kept));
        }
    }

    /** From the user's own stream: a leftover claim must not make a user count as active. */
    @Override
    public boolean isActive(UserId user) {
        return history.of(user).active();
    }

    /** A claim stands while its owner is active with this email, or may still be registering with it. */
    private boolean standing(Claim claim, String digest) {
        UserState owner = history.of(UserId.fromStream(claim.owner()));
        if (!owner.exists()) {
            return claim.claimedAt().isAfter(clock.instant().minus(inFlight));
        }
        return owner.active() && owner.email() != null
                && vault.open(owner.email()).map(this::digest).map(digest::equals).orElse(false);
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

    private record Claim(String owner, Instant claimedAt) {
    }
}

package dev.eskit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic sends the password with every request, and a bcrypt check costs tens of milliseconds
 * of CPU by design. This remembers, for a short while, a SHA-256 digest of a password that
 * passed the real check, so repeated requests cost a hash instead of a bcrypt round. A wrong or
 * changed password never matches the digest and goes to the real check.
 */
final class RememberingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    RememberingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        byte[] digest = digest(name, String.valueOf(authentication.getCredentials()));
        Verified known = verified.get(name);
        Instant now = clock.instant();
        if (known != null && known.expiresAt().isAfter(now) && MessageDigest.isEqual(known.digest(), digest)) {
            return known.result();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            verified.put(name, new Verified(digest, result, now.plus(ttl)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] digest(String name, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    private record Verified(byte[] digest, Authentication result, Instant expiresAt) {
    }
}

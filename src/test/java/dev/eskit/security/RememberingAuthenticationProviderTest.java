package dev.eskit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class RememberingAuthenticationProviderTest {

    private final AtomicInteger realChecks = new AtomicInteger();
    private final AuthenticationProvider real = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication attempt) {
            realChecks.incrementAndGet();
            if (!"secret".equals(attempt.getCredentials())) {
                throw new BadCredentialsException("wrong");
            }
            return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    @Test
    void checksARememberedPasswordWithoutTheRealCheck() {
        var provider = new RememberingAuthenticationProvider(real, Duration.ofMinutes(5), Clock.systemUTC());
        provider.authenticate(attempt("secret"));
        Authentication again = provider.authenticate(attempt("secret"));
        assertThat(again.isAuthenticated()).isTrue();
        assertThat(realChecks).hasValue(1);
    }

    @Test
    void neverLetsAnotherPasswordThroughTheMemory() {
        var provider = new RememberingAuthenticationProvider(real, Duration.ofMinutes(5), Clock.systemUTC());
        provider.authenticate(attempt("secret"));
        assertThatThrownBy(() -> provider.authenticate(attempt("guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(realChecks).hasValue(2);
    }

    @Test
    void forgetsAfterItsTimeToLive() {
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        var clock = new MutableClock(start);
        var provider = new RememberingAuthenticationProvider(real, Duration.ofMinutes(5), clock);
        provider.authenticate(attempt("secret"));
        clock.now = start.plus(Duration.ofMinutes(6));
        provider.authenticate(attempt("secret"));
        assertThat(realChecks).hasValue(2);
    }

    private static Authentication attempt(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("writer", password);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

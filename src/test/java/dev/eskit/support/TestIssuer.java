package dev.eskit.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * An identity provider for tests: an RSA key made per run, its public half written as the PEM file
 * the application is configured with, and tokens signed by it with whatever claims a test needs.
 */
public final class TestIssuer {

    public static final String ISSUER = "https://id.eskit.test/realms/eskit";

    private final RSAKey key;
    private final Path publicKey;

    public TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("eskit-test").generate();
            publicKey = Files.createTempFile("eskit-jwt-", ".pem");
            publicKey.toFile().deleteOnExit();
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toPublicKey().getEncoded());
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the application finds the key that verifies this issuer's tokens. */
    public String publicKeyLocation() {
        return publicKey.toUri().toString();
    }

    /** A token from {@code issuer} for {@code subject}, valid for {@code lifetime} from {@code issuedAt}. */
    public String token(String issuer, String subject, Map<String, Object> claims, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)));
        claims.forEach(set::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token from this issuer, valid for five minutes from now. */
    public String token(String subject, Map<String, Object> claims) {
        return token(ISSUER, subject, claims, Instant.now(), Duration.ofMinutes(5));
    }
}

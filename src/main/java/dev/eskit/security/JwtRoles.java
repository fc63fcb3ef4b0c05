package dev.eskit.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified bearer token into an authentication whose authorities are the ESKIT roles found
 * in the configured claim. Roles this API does not know are ignored, so a token from a shared
 * identity provider may carry other applications' roles; a token with none of ours is authenticated
 * but may do nothing (403).
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final List<String> rolesPath;
    private final String principalClaim;

    JwtRoles(SecurityProperties.Jwt claims) {
        this.rolesPath = List.of(claims.rolesClaim().split("\\."));
        this.principalClaim = claims.principalClaim();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<SimpleGrantedAuthority> authorities = roles(jwt).stream()
                .filter(Roles.ALL::contains)
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        String actor = jwt.getClaimAsString(principalClaim);
        return new JwtAuthenticationToken(jwt, authorities, actor != null ? actor : jwt.getSubject());
    }

    private List<String> roles(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String step : rolesPath) {
            if (!(value instanceof Map<?, ?> claims)) {
                return List.of();
            }
            value = claims.get(step);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text) {
            return Arrays.asList(text.trim().split("\\s+"));
        }
        return List.of();
    }
}

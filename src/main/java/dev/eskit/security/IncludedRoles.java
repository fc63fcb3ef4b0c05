package dev.eskit.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The role hierarchy of {@link Roles}: each role also grants the roles before it. Not Spring's
 * {@code RoleHierarchyImpl}, which formats a debug message on every request; commons-logging 1.3
 * formats it even while debug is off, and that was 1.5 % of a create's CPU in W1's profile.
 * Authorities that are not roles pass through unchanged.
 */
final class IncludedRoles implements RoleHierarchy {

    private static final String PREFIX = "ROLE_";

    @Override
    public Collection<? extends GrantedAuthority> getReachableGrantedAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> reachable = new LinkedHashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            int rank = name == null || !name.startsWith(PREFIX) ? -1 : Roles.ALL.indexOf(name.substring(PREFIX.length()));
            for (int included = 0; included < rank; included++) {
                reachable.add(new SimpleGrantedAuthority(PREFIX + Roles.ALL.get(included)));
            }
        }
        return reachable;
    }
}

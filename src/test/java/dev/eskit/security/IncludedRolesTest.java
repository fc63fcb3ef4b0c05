package dev.eskit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

class IncludedRolesTest {

    private final IncludedRoles roles = new IncludedRoles();

    @Test
    void eachRoleGrantsTheRolesBeforeIt() {
        assertThat(reachable("ROLE_admin")).containsExactlyInAnyOrder("ROLE_admin", "ROLE_writer", "ROLE_reader");
        assertThat(reachable("ROLE_writer")).containsExactlyInAnyOrder("ROLE_writer", "ROLE_reader");
        assertThat(reachable("ROLE_reader")).containsExactly("ROLE_reader");
    }

    @Test
    void grantsEachRoleOnceAndPassesOtherAuthoritiesThrough() {
        assertThat(reachable("ROLE_writer", "ROLE_reader", "FACTOR_PASSWORD", "admin", "ROLE_auditor"))
                .containsExactlyInAnyOrder("ROLE_writer", "ROLE_reader", "FACTOR_PASSWORD", "admin", "ROLE_auditor");
        assertThat(reachable()).isEmpty();
    }

    private List<String> reachable(String... authorities) {
        Collection<? extends GrantedAuthority> reachable =
                roles.getReachableGrantedAuthorities(AuthorityUtils.createAuthorityList(authorities));
        return reachable.stream().map(GrantedAuthority::getAuthority).toList();
    }
}

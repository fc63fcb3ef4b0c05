package dev.eskit.console;

import org.springframework.security.core.Authentication;

/** Who looks at a page: only an admin sees users' personal data and may act. */
record Viewer(String name, boolean admin) {

    private static final String ADMIN_AUTHORITY = "ROLE_admin";

    static Viewer of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> ADMIN_AUTHORITY.equals(authority.getAuthority()));
        return new Viewer(authentication.getName(), admin);
    }
}

package dev.eskit.security;

import java.util.List;

/** reader may GET; writer also writes; admin also operates and erases. Each includes the ones before it ({@link IncludedRoles}). */
final class Roles {

    static final String READER = "reader";
    static final String WRITER = "writer";
    static final String ADMIN = "admin";
    static final List<String> ALL = List.of(READER, WRITER, ADMIN);

    private Roles() {
    }
}

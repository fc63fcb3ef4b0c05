package dev.eskit.security;

import java.util.List;

/** reader may GET; writer also writes; admin also operates and erases. Each includes the one before. */
final class Roles {

    static final String READER = "reader";
    static final String WRITER = "writer";
    static final String ADMIN = "admin";
    static final List<String> ALL = List.of(READER, WRITER, ADMIN);
    static final String HIERARCHY = "ROLE_admin > ROLE_writer\nROLE_writer > ROLE_reader";

    private Roles() {
    }
}

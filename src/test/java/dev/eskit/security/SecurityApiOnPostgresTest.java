package dev.eskit.security;

import dev.eskit.support.PostgresTest;

/** The PostgreSQL profile has no development accounts: the users come from configuration, bcrypt-hashed. */
@PostgresTest
class SecurityApiOnPostgresTest extends SecurityApiTests {
}

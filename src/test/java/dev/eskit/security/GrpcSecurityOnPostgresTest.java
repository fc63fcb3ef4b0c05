package dev.eskit.security;

import dev.eskit.support.PostgresTest;

/** Accounts from configuration, bcrypt-hashed. */
@PostgresTest
class GrpcSecurityOnPostgresTest extends GrpcSecurityTests {
}

package dev.eskit.web.users;

import dev.eskit.support.PostgresTest;

@PostgresTest
class UsersApiOnPostgresTest extends UsersApiTests {
}

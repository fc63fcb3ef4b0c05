package dev.eskit.web.entities;

import dev.eskit.support.PostgresTest;

@PostgresTest
class EntityTypesApiOnPostgresTest extends EntityTypesApiTests {
}

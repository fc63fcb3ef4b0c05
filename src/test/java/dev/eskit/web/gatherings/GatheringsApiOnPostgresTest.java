package dev.eskit.web.gatherings;

import dev.eskit.support.PostgresTest;

@PostgresTest
class GatheringsApiOnPostgresTest extends GatheringsApiTests {
}

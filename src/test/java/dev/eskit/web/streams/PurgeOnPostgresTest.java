package dev.eskit.web.streams;

import dev.eskit.support.PostgresTest;

@PostgresTest
class PurgeOnPostgresTest extends PurgeTests {
}

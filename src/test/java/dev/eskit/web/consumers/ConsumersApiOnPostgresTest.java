package dev.eskit.web.consumers;

import dev.eskit.support.PostgresTest;

@PostgresTest
class ConsumersApiOnPostgresTest extends ConsumersApiTests {
}

package dev.eskit.client;

import dev.eskit.support.PostgresTest;

@PostgresTest
class EskitClientOnPostgresTest extends EskitClientTests {
}

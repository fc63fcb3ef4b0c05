package dev.eskit.client;

import dev.eskit.support.PostgresTest;

@PostgresTest
class CatchUpConsumerOnPostgresTest extends CatchUpConsumerTests {
}

package dev.eskit.grpc;

import dev.eskit.support.PostgresTest;

@PostgresTest
class ParityOnPostgresTest extends ParityTests {
}

package dev.eskit.grpc;

import dev.eskit.support.PostgresTest;

@PostgresTest
class ConsumersGrpcOnPostgresTest extends ConsumersGrpcTests {
}

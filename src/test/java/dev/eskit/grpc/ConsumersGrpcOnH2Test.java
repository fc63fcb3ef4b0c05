package dev.eskit.grpc;

import dev.eskit.support.H2Test;

@H2Test
class ConsumersGrpcOnH2Test extends ConsumersGrpcTests {
}

package dev.eskit.grpc;

import dev.eskit.support.H2Test;

@H2Test
class LogGrpcOnH2Test extends LogGrpcTests {
}

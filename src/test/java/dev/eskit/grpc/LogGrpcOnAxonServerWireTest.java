package dev.eskit.grpc;

import dev.eskit.support.AxonServerWire;

@AxonServerWire
class LogGrpcOnAxonServerWireTest extends LogGrpcTests {
}

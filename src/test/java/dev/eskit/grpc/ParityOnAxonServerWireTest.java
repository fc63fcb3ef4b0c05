package dev.eskit.grpc;

import dev.eskit.support.AxonServerWire;

@AxonServerWire
class ParityOnAxonServerWireTest extends ParityTests {
}

package dev.eskit.grpc;

import dev.eskit.support.H2Test;

@H2Test
class ParityOnH2Test extends ParityTests {
}

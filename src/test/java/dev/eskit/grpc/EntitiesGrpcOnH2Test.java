package dev.eskit.grpc;

import dev.eskit.support.H2Test;

@H2Test
class EntitiesGrpcOnH2Test extends EntitiesGrpcTests {
}

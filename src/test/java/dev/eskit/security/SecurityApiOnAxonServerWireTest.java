package dev.eskit.security;

import dev.eskit.support.AxonServerWire;

/** The same users and roles when commands cross the serializer as on Axon Server. */
@AxonServerWire
class SecurityApiOnAxonServerWireTest extends SecurityApiTests {
}

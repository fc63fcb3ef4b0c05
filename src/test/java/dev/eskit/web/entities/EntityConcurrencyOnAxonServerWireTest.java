package dev.eskit.web.entities;

import dev.eskit.support.AxonServerWire;

@AxonServerWire
class EntityConcurrencyOnAxonServerWireTest extends EntityConcurrencyTests {
}

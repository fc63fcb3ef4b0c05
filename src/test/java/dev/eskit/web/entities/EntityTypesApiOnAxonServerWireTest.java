package dev.eskit.web.entities;

import dev.eskit.support.AxonServerWire;

@AxonServerWire
class EntityTypesApiOnAxonServerWireTest extends EntityTypesApiTests {
}

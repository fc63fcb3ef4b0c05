package dev.eskit.web.gatherings;

import dev.eskit.support.AxonServerWire;

@AxonServerWire
class GatheringsApiOnAxonServerWireTest extends GatheringsApiTests {
}

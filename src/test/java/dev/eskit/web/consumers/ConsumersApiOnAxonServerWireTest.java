package dev.eskit.web.consumers;

import dev.eskit.support.AxonServerWire;

@AxonServerWire
class ConsumersApiOnAxonServerWireTest extends ConsumersApiTests {
}

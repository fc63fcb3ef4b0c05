package dev.eskit.web.log;

import dev.eskit.support.AxonServerWire;

@AxonServerWire
class LogApiOnAxonServerWireTest extends LogApiTests {
}

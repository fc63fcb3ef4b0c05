package dev.eskit.web.streams;

import dev.eskit.support.AxonServerWire;

@AxonServerWire
class MultiStreamAppendOnAxonServerWireTest extends MultiStreamAppendTests {
}

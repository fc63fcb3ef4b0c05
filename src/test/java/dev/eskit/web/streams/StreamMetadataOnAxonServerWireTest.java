package dev.eskit.web.streams;

import dev.eskit.support.AxonServerWire;

@AxonServerWire
class StreamMetadataOnAxonServerWireTest extends StreamMetadataTests {
}

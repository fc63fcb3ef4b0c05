package dev.eskit.web.streams;

import dev.eskit.support.H2Test;

@H2Test
class StreamMetadataOnH2Test extends StreamMetadataTests {
}

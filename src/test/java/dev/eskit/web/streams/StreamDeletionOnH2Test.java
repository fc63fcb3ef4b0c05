package dev.eskit.web.streams;

import dev.eskit.support.H2Test;

@H2Test
class StreamDeletionOnH2Test extends StreamDeletionTests {
}

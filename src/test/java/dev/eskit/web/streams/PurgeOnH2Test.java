package dev.eskit.web.streams;

import dev.eskit.support.H2Test;

@H2Test
class PurgeOnH2Test extends PurgeTests {
}

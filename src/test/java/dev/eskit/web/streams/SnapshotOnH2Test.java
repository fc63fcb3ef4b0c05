package dev.eskit.web.streams;

import dev.eskit.support.H2Test;

@H2Test
class SnapshotOnH2Test extends SnapshotTests {
}

package dev.eskit.client;

import dev.eskit.support.H2Test;

@H2Test
class CatchUpConsumerOnH2Test extends CatchUpConsumerTests {
}

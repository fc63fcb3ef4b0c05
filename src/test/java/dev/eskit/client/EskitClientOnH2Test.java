package dev.eskit.client;

import dev.eskit.support.H2Test;

@H2Test
class EskitClientOnH2Test extends EskitClientTests {
}

package dev.eskit.web.consumers;

import dev.eskit.support.H2Test;

@H2Test
class ConsumersApiOnH2Test extends ConsumersApiTests {
}

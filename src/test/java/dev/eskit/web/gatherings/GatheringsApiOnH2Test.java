package dev.eskit.web.gatherings;

import dev.eskit.support.H2Test;

@H2Test
class GatheringsApiOnH2Test extends GatheringsApiTests {
}

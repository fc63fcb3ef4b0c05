package dev.eskit.web.admin;

import dev.eskit.support.H2Test;

@H2Test
class ReplayOnH2Test extends ReplayTests {
}

package dev.eskit.web.admin;

import dev.eskit.support.H2Test;

@H2Test
class DeadLetterOnH2Test extends DeadLetterTests {
}

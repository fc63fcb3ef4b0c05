package dev.eskit.web.log;

import dev.eskit.support.H2Test;

@H2Test
class LogCompletenessOnH2Test extends LogCompletenessTests {
}

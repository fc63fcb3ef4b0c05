package dev.eskit.web.log;

import dev.eskit.support.H2Test;

@H2Test
class OutOfOrderCommitOnH2Test extends OutOfOrderCommitTests {
}

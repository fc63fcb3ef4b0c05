package dev.eskit.console;

import dev.eskit.support.H2Test;

@H2Test
class ConsolePagesOnH2Test extends ConsolePagesTests {
}

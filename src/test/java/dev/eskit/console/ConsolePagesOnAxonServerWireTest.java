package dev.eskit.console;

import dev.eskit.support.AxonServerWire;

@AxonServerWire
class ConsolePagesOnAxonServerWireTest extends ConsolePagesTests {
}

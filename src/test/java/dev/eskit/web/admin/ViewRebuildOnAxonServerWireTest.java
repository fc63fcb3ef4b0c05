package dev.eskit.web.admin;

import dev.eskit.support.AxonServerWire;

@AxonServerWire
class ViewRebuildOnAxonServerWireTest extends ViewRebuildTests {
}

package dev.eskit.web.admin;

import dev.eskit.support.H2Test;

@H2Test
class ViewRebuildOnH2Test extends ViewRebuildTests {
}

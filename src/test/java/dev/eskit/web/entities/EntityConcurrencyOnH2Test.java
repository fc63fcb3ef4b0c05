package dev.eskit.web.entities;

import dev.eskit.support.H2Test;

@H2Test
class EntityConcurrencyOnH2Test extends EntityConcurrencyTests {
}

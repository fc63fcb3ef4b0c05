package dev.eskit.security;

import dev.eskit.support.H2Test;

@H2Test
class SecurityApiOnH2Test extends SecurityApiTests {
}

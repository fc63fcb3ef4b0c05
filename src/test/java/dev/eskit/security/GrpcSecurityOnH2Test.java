package dev.eskit.security;

import dev.eskit.support.H2Test;

/** The embedded default's development accounts. */
@H2Test
class GrpcSecurityOnH2Test extends GrpcSecurityTests {
}

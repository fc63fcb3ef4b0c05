package dev.eskit.web.log;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eskit.support.AxonServerWire;
import org.junit.jupiter.api.BeforeAll;

/**
 * Only against a real Axon Server: its log has no gaps, and the Axon Server read path relies on that.
 * Without one the wire mode reads the JDBC store, whose out-of-order commits that path never meets
 * in production; {@code LogCompletenessOnPostgresTest} covers the JDBC store's own path.
 */
@AxonServerWire
class LogCompletenessOnAxonServerWireTest extends LogCompletenessTests {

    @BeforeAll
    static void onlyOnARealServer() {
        assumeTrue(AxonServerWire.REAL_SERVER != null, "needs ESKIT_TEST_AXONSERVER");
    }
}

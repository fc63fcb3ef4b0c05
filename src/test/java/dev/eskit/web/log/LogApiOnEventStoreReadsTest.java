package dev.eskit.web.log;

import dev.eskit.support.EventStoreReads;
import dev.eskit.support.PostgresTest;

@PostgresTest
@EventStoreReads
class LogApiOnEventStoreReadsTest extends LogApiTests {
}

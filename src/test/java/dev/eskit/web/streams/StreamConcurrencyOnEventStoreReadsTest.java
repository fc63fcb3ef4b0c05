package dev.eskit.web.streams;

import dev.eskit.support.EventStoreReads;
import dev.eskit.support.PostgresTest;

@PostgresTest
@EventStoreReads
class StreamConcurrencyOnEventStoreReadsTest extends StreamConcurrencyTests {
}

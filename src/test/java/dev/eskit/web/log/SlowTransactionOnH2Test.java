package dev.eskit.web.log;

import dev.eskit.support.H2Test;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

@H2Test
@EmbeddedKafka(partitions = 1)
@TestPropertySource(properties = {"axon.kafka.publisher.enabled=true", "axon.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        // a database of its own: the 20,000 events would crowd the log of the tests that share one
        "spring.datasource.url=jdbc:h2:mem:eskit-slow;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class SlowTransactionOnH2Test extends SlowTransactionTests {
}

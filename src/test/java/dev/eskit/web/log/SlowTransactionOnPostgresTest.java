package dev.eskit.web.log;

import dev.eskit.support.PostgresTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

@PostgresTest
@EmbeddedKafka(partitions = 1)
@TestPropertySource(properties = {"axon.kafka.publisher.enabled=true", "axon.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
class SlowTransactionOnPostgresTest extends SlowTransactionTests {
}

package dev.eskit.web.log;

import dev.eskit.support.H2Test;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

@H2Test
@EmbeddedKafka(partitions = 1)
@TestPropertySource(properties = {"axon.kafka.publisher.enabled=true", "axon.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
class SlowTransactionOnH2Test extends SlowTransactionTests {
}

package dev.eskit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import dev.eskit.commands.api.NamedEvent;
import dev.eskit.support.ApiTest;
import dev.eskit.support.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A batch that fails after part of it went to the broker: its transaction is aborted, so a consumer
 * reading committed records gets each record once and in order, and only one reading uncommitted
 * records sees the failed attempt. {@code @KafkaTest}'s setup with a database of its own: the spy
 * makes this a context of its own, and two contexts' bridges on one token store would take the
 * publishing from each other, each to its own broker.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:eskit-kafka-aborted;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "axon.kafka.publisher.enabled=true",
        "axon.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(partitions = 3)
class KafkaAbortedBatchTest extends ApiTest {

    private static final Duration PUBLISHED = Duration.ofSeconds(60);

    @Autowired
    private EmbeddedKafkaBroker broker;

    @MockitoSpyBean
    private EventTopics eventTopics;

    @Test
    void aBatchThatFailsAfterSendingPartOfItLeavesNothingThatAReadCommittedConsumerSees() {
        String p = uniquePartition();
        String stream = uniqueStream();
        AtomicBoolean refused = new AtomicBoolean();
        doAnswer(call -> {
            if (call.getArgument(0, EventMessage.class).getPayload() instanceof NamedEvent named
                    && named.eventType().equals(p + ".Refused") && refused.compareAndSet(false, true)) {
                throw new IllegalStateException("test: the third record of the batch cannot be sent the first time");
            }
            return call.callRealMethod();
        }).when(eventTopics).apply(any());

        try (TopicReader committed = new TopicReader(broker.getBrokersAsString());
             TopicReader everything = TopicReader.uncommitted(broker.getBrokersAsString())) {
            appendOk(stream, null, List.of(event(p + ".Sent", Map.of()), event(p + ".Sent", Map.of()), event(p + ".Refused", Map.of()),
                    event(p + ".Sent", Map.of())));

            await().atMost(PUBLISHED).until(() -> versionsOf(committed, stream).size() >= 4);
            assertThat(versionsOf(committed, stream)).as("once each: the failed attempt was aborted").containsExactly(1L, 2L, 3L, 4L);
            await().atMost(PUBLISHED).untilAsserted(() -> assertThat(versionsOf(everything, stream))
                    .as("the failed attempt's records are on the topic, aborted").containsExactly(1L, 2L, 1L, 2L, 3L, 4L));
        }
        assertThat(refused).isTrue();
    }

    /** Extensions travel as Kafka headers, that is as text. */
    private static List<Long> versionsOf(TopicReader reader, String stream) {
        return reader.poll().stream().filter(r -> r.key().equals(stream))
                .map(r -> Long.parseLong(String.valueOf(r.value().getExtension("eskitversion")))).toList();
    }
}

package dev.eskit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.ApiTest;
import dev.eskit.support.KafkaTest;
import dev.eskit.support.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A broker outage only delays publishing: the API keeps answering 201 while the broker is down,
 * and when it returns every event written meanwhile reaches Kafka, none lost.
 */
@KafkaTest
class KafkaOutageTest extends ApiTest {

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Test
    void publishesEveryEventWrittenDuringAnOutageOnceTheBrokerReturns() throws Exception {
        String p = uniquePartition();
        String stream = uniqueStream();
        appendOk(stream, null, List.of(event("before", p + ".Happened", Map.of())));
        try (TopicReader topics = new TopicReader(broker.getBrokersAsString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ids(topics, p).contains("before"));
        }

        KafkaClusterTestKit cluster = ((EmbeddedKafkaKraftBroker) broker).getCluster();
        cluster.brokers().values().forEach(server -> server.shutdown());
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            appendOk(stream, null, List.of(event("during-" + i, p + ".Happened", Map.of("i", i))));
            written.add("during-" + i);
        }
        await("nothing is published while the broker is down").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> bridgeLag() >= written.size());
        cluster.brokers().values().forEach(server -> server.startup());

        try (TopicReader topics = new TopicReader(broker.getBrokersAsString())) {
            await().atMost(Duration.ofSeconds(120)).until(() -> ids(topics, p).containsAll(written));
            assertThat(ids(topics, p)).contains("before");
        }
    }

    private double bridgeLag() {
        return api.get(dev.eskit.support.Api.Role.NONE, "/actuator/prometheus").text().lines()
                .filter(line -> line.startsWith("eskit_kafka_bridge_lag_events"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    private static Set<String> ids(TopicReader topics, String partition) {
        Set<String> ids = new HashSet<>();
        topics.poll().stream().filter(r -> r.value().getType().startsWith(partition + ".")).forEach(r -> ids.add(r.value().getId()));
        return ids;
    }
}

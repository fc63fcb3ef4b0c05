package dev.eskit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.EskitApplication;
import dev.eskit.support.Api;
import dev.eskit.support.Api.Role;
import dev.eskit.support.KafkaBroker;
import dev.eskit.support.TopicReader;
import io.cloudevents.CloudEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** After a restart the bridge resumes from its token: what was published is not published again. */
class KafkaRestartIT {

    private EmbeddedKafkaKraftBroker broker;

    @BeforeEach
    void startBroker() {
        broker = KafkaBroker.started(3);
    }

    @AfterEach
    void stopBroker() {
        broker.destroy();
    }

    @Test
    void resumesPublishingFromItsTokenAfterARestart(@TempDir Path data) {
        String url = "jdbc:h2:file:" + data.resolve("eskit") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (ConfigurableApplicationContext first = start(url); TopicReader topics = new TopicReader(broker.getBrokersAsString())) {
            Api api = api(first);
            for (int i = 0; i < 5; i++) {
                assertThat(api.post(Role.WRITER, "/api/v1/streams/restart/events",
                        Map.of("events", List.of(Map.of("id", "e" + i, "type", "Restart.Happened", "data", Map.of())))).status()).isEqualTo(201);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> records(topics).size() == 5);
        }
        try (ConfigurableApplicationContext second = start(url); TopicReader topics = new TopicReader(broker.getBrokersAsString())) {
            assertThat(api(second).post(Role.WRITER, "/api/v1/streams/restart/events",
                    Map.of("events", List.of(Map.of("id", "e5", "type", "Restart.Happened", "data", Map.of())))).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> records(topics).size() >= 6);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> records(topics).size() == 6);
            assertThat(records(topics)).extracting(record -> record.value().getId()).containsExactly("e0", "e1", "e2", "e3", "e4", "e5");
        }
    }

    private static List<ConsumerRecord<String, CloudEvent>> records(TopicReader topics) {
        return topics.poll().stream().filter(record -> record.topic().equals("eskit.restart")).toList();
    }

    private ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(EskitApplication.class).run("--server.port=0", "--spring.datasource.url=" + url,
                "--axon.kafka.publisher.enabled=true", "--axon.kafka.bootstrap-servers=" + broker.getBrokersAsString());
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort(), true);
    }
}

package dev.eskit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.Api;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import dev.eskit.support.KafkaTest;
import dev.eskit.support.TopicReader;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/** Every event written over HTTP reaches its partition's topic as a CloudEvent keyed by its stream. */
@KafkaTest
class KafkaBridgeTest extends ApiTest {

    /** Room for a batch sent again after the acknowledgement timeout (eskit.kafka.ack-timeout, 10 s) on a slow machine. */
    private static final Duration PUBLISHED = Duration.ofSeconds(60);

    /** This context's broker: the system property that names one names the last broker started in this JVM. */
    @Autowired
    private EmbeddedKafkaBroker broker;

    private TopicReader topics;

    @BeforeEach
    void subscribe() {
        topics = new TopicReader(broker.getBrokersAsString());
    }

    @AfterEach
    void unsubscribe() {
        topics.close();
    }

    @Test
    void publishesAStreamEventAsACloudEventOnItsPartitionsTopic() {
        String p = uniquePartition();
        String stream = uniqueStream();
        JsonNode appended = appendOk(stream, null, List.of(event("ce-1", p + ".Happened", Map.of("n", 1)))).json();

        ConsumerRecord<String, CloudEvent> record = awaitRecord(r -> "ce-1".equals(r.value().getId()));

        CloudEvent event = record.value();
        assertThat(record.topic()).isEqualTo("eskit." + p.toLowerCase());
        assertThat(record.key()).isEqualTo(stream);
        assertThat(event.getType()).isEqualTo(p + ".Happened");
        assertThat(event.getSubject()).isEqualTo(stream);
        assertThat(event.getSource().toString()).isEqualTo("/eskit");
        assertThat(event.getTime()).isNotNull();
        assertThat(number(event, "eskitversion")).isEqualTo(1);
        assertThat(number(event, "eskitposition")).isEqualTo(appended.get("positions").get(0).asLong());
        assertThat(Api.JSON.readTree(event.getData().toBytes()).get("n").asInt()).isEqualTo(1);
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)).isEqualTo(p + ".Happened");
    }

    @Test
    void namesTopicsForEntitiesUsersAndGatherings() {
        String type = uniquePartition();
        api.post(Role.WRITER, "/api/v1/entities/" + type, Map.of("n", 1));
        String email = "k" + UUID.randomUUID() + "@example.com";
        String user = api.post(Role.WRITER, "/api/v1/users", Map.of("name", "Kafka Reader", "email", email)).json().get("id").asString();

        ConsumerRecord<String, CloudEvent> entity = awaitRecord(r -> (type + ".Created").equals(r.value().getType()));
        ConsumerRecord<String, CloudEvent> registered = awaitRecord(r -> ("user:" + user).equals(r.key()));

        assertThat(entity.topic()).isEqualTo("eskit.entity." + type.toLowerCase());
        assertThat(registered.topic()).isEqualTo("eskit.user");
        assertThat(registered.value().getType()).isEqualTo("User.Registered");
        String data = new String(registered.value().getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(data).as("personal data leaves the store sealed").doesNotContain("Kafka Reader").doesNotContain(email).contains("ciphertext");
    }

    @Test
    void createsTheUserAndGatheringTopicsAtStartUpKeepingUsersForever() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("eskit.user", "eskit.gathering")).allTopicNames().get();
            assertThat(topics.get("eskit.gathering").partitions()).hasSize(3);
            ConfigResource users = new ConfigResource(ConfigResource.Type.TOPIC, "eskit.user");
            Config config = admin.describeConfigs(List.of(users)).all().get().get(users);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }

    @Test
    void keepsEachStreamsOrderAcrossSeveralKafkaPartitions() {
        String p = uniquePartition();
        List<String> streams = List.of(uniqueStream(), uniqueStream(), uniqueStream(), uniqueStream());
        for (int round = 0; round < 5; round++) {
            for (String stream : streams) {
                appendOk(stream, null, List.of(event(p + ".Moved", Map.of("round", round))));
            }
        }

        // at least once: a batch that failed is sent again, so each stream's order is checked on the first
        // copy of every event
        await().atMost(PUBLISHED).until(() -> topics.poll().stream().filter(r -> r.value().getType().equals(p + ".Moved"))
                .map(r -> r.value().getId()).distinct().count() == 20);

        Map<String, List<Long>> versionsByStream = topics.poll().stream()
                .filter(r -> r.value().getType().equals(p + ".Moved"))
                .filter(distinctBy(r -> r.value().getId()))
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(r -> number(r.value(), "eskitversion"), Collectors.toList())));
        assertThat(versionsByStream).hasSize(4).allSatisfy((stream, versions) -> assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L));
        Map<String, Integer> partitionByStream = new HashMap<>();
        topics.poll().stream().filter(r -> r.value().getType().equals(p + ".Moved"))
                .forEach(r -> assertThat(partitionByStream.merge(r.key(), r.partition(), (a, b) -> a.equals(b) ? a : -1)).isNotEqualTo(-1));
    }

    private static <T> Predicate<T> distinctBy(Function<T, Object> key) {
        Set<Object> seen = new HashSet<>();
        return value -> seen.add(key.apply(value));
    }

    @Test
    void publishesInBatchesKeepingAStreamsOrder() {
        TrackingEventProcessor publisher = processing.eventProcessor(kafka.getPublisher().getProcessingGroup(), TrackingEventProcessor.class)
                .orElseThrow();
        assertThat(publisher).extracting("batchSize").isEqualTo(100);

        String p = uniquePartition();
        String stream = uniqueStream();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            events.add(event(p + ".Counted", Map.of("i", i)));
        }
        appendOk(stream, null, events);

        await().atMost(PUBLISHED).until(() -> topics.poll().stream().filter(r -> r.key().equals(stream))
                .map(r -> r.value().getId()).distinct().count() == 250);
        assertThat(topics.poll().stream().filter(r -> r.key().equals(stream)).filter(distinctBy(r -> r.value().getId()))
                .map(r -> number(r.value(), "eskitversion")))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 250).boxed().toList());
    }

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private KafkaProperties kafka;

    @Test
    void exportsTheBridgesLagAndBringsItToZero() {
        appendOk(uniqueStream(), null, List.of(event(uniquePartition() + ".Counted", Map.of())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = api.get(Role.NONE, "/actuator/prometheus").text();
            assertThat(metrics).contains("eskit_kafka_bridge_lag_events 0.0");
        });
    }

    /** Extensions travel as Kafka headers, that is as text. */
    private static long number(CloudEvent event, String extension) {
        return Long.parseLong(String.valueOf(event.getExtension(extension)));
    }

    private ConsumerRecord<String, CloudEvent> awaitRecord(java.util.function.Predicate<ConsumerRecord<String, CloudEvent>> wanted) {
        List<ConsumerRecord<String, CloudEvent>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            topics.poll().stream().filter(wanted).findFirst().ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }
}

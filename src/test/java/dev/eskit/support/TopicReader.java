package dev.eskit.support;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads every committed record of the bridge's topics from the beginning, as an outside consumer should. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();

    public TopicReader(String brokers) {
        this(brokers, "read_committed");
    }

    /** Also the records of aborted transactions, which a consumer reading uncommitted records gets too. */
    public static TopicReader uncommitted(String brokers) {
        return new TopicReader(brokers, "read_uncommitted");
    }

    private TopicReader(String brokers, String isolation) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"),
                new StringDeserializer(), new CloudEventDeserializer());
        consumer.subscribe(Pattern.compile("eskit\\..*"));
    }

    /** Every record read so far, after polling once more. */
    public List<ConsumerRecord<String, CloudEvent>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

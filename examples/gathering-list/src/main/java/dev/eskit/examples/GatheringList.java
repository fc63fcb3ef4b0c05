package dev.eskit.examples;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code eskit.gathering} from the beginning and prints the live list after every batch.
 * Usage: {@code GatheringList <bootstrap-servers> [topic]}; stop it with Ctrl-C.
 */
public final class GatheringList {

    private GatheringList() {
    }

    public static void main(String[] args) {
        String servers = args.length > 0 ? args[0] : "localhost:9092";
        String topic = args.length > 1 ? args[1] : "eskit.gathering";
        GatheringBoard board = new GatheringBoard();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "gathering-list-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // the bridge publishes in transactions: a failed attempt's records stay invisible
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!Thread.currentThread().isInterrupted()) {
                ConsumerRecords<String, CloudEvent> records = consumer.poll(Duration.ofSeconds(1));
                if (!records.isEmpty()) {
                    records.forEach(record -> board.apply(record.value()));
                    print(board);
                }
            }
        }
    }

    private static void print(GatheringBoard board) {
        StringBuilder list = new StringBuilder("\n%-36s  %-30s  %-20s  %s%n".formatted("id", "name", "starts", "places"));
        board.entries().forEach(entry -> list.append("%-36s  %-30s  %-20s  %d/%d %s%n".formatted(entry.id(), entry.name(),
                entry.startsAt(), entry.attendees(), entry.capacity(), entry.status())));
        System.out.print(list);
    }
}

package dev.eskit.bench;

import dev.eskit.bench.Load.Result;
import dev.eskit.bench.Report.Figure;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * L1 and L2 under W1 at half its peak: from a create's 201 to the entity in the read table, and to
 * its record on the Kafka topic (a consumer in this process). An entity's own GET may answer from
 * the event store while the view is behind, so L1 is a list of the type right after the 201: a list
 * answers once the projection has handled everything stored before it, the new entity included.
 */
final class Lags {

    private static final String TYPE = "BenchLag";
    private static final String PUBLISHER = "__axon-kafka-event-publishing-group";
    private static final Pattern TOPIC = Pattern.compile("eskit\\.entity\\.benchlag");

    private final Settings settings;
    private final Report report;

    Lags(Settings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    void run(Client client, String brokers, double perSecond) throws Exception {
        awaitBridgeCaughtUp(client);
        Recorder visible = new Recorder(3);
        Recorder published = new Recorder(3);
        AtomicBoolean consuming = new AtomicBoolean(true);
        Pending pending = new Pending(published);
        Thread consumer = new Thread(() -> consume(brokers, pending, consuming), "bench-kafka-consumer");
        consumer.start();
        awaitFirstRecord(client, pending);
        published.reset();
        Result load = Load.paced(16, settings.phase(), perSecond, (c, i) -> {
            String id = client.post("/api/v1/entities/" + TYPE, Payloads.event(), 201).get("id").asString();
            long created = System.nanoTime();
            pending.acknowledged("entity:" + TYPE + ":" + id);
            client.get("/api/v1/entities/" + TYPE + "?limit=1");
            visible.recordValue(Math.max(1, (System.nanoTime() - created) / 1_000));
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pending.missing() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        consuming.set(false);
        consumer.join();
        var l1 = visible.getIntervalHistogram();
        var l2 = published.getIntervalHistogram();
        report.figure(new Figure("W1", "p99 at half the peak (" + Math.round(perSecond) + " req/s, 16 clients)",
                load.percentileMillis(99), "ms", null, "≤ 25 ms", load.percentileMillis(99) <= 25));
        report.figure(new Figure("L1", "201 → visible in the read table, p99", l1.getValueAtPercentile(99) / 1000.0, "ms",
                null, "≤ 50 ms", l1.getValueAtPercentile(99) <= 50_000));
        report.figure(new Figure("L2", "201 → record on the Kafka topic, p99", l2.getValueAtPercentile(99) / 1000.0, "ms",
                null, "≤ 100 ms, no backlog", l2.getValueAtPercentile(99) <= 100_000 && pending.missing() == 0));
        report.detail(String.format(Locale.ROOT, "### L1 and L2\n\nW1 paced at %.0f req/s (half the peak) for %d s, 16 "
                        + "clients: %d creates, p50 %.2f ms, p99 %.2f ms from the moment each was due. L1 is a list of the type "
                        + "right after the 201, which answers once the projection has handled everything stored before it: "
                        + "p50 %.2f ms, p99 %.2f ms. "
                        + "Kafka (in-process broker): p50 %.2f ms, p99 %.2f ms, %d of %d records seen; %d never arrived.",
                perSecond, settings.phase().toSeconds(), load.requests(), load.percentileMillis(50), load.percentileMillis(99),
                l1.getValueAtPercentile(50) / 1000.0, l1.getValueAtPercentile(99) / 1000.0,
                l2.getValueAtPercentile(50) / 1000.0, l2.getValueAtPercentile(99) / 1000.0, l2.getTotalCount(),
                load.requests(), pending.missing()));
    }

    /**
     * The topic is created with its first record, and the consumer finds it only at its next
     * metadata refresh and rebalance; that takes seconds once, and is no lag of the bridge.
     */
    private static void awaitFirstRecord(Client client, Pending pending) throws Exception {
        String id = client.post("/api/v1/entities/" + TYPE, Payloads.event(), 201).get("id").asString();
        pending.acknowledged("entity:" + TYPE + ":" + id);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (pending.missing() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the consumer saw no record on the lag topic within a minute");
            }
            Thread.sleep(50);
        }
    }

    /** The bridge publishes the whole stored log first; L2 is about new events, so it starts after that. */
    private static void awaitBridgeCaughtUp(Client client) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (client.get("/api/v1/admin/processors/" + PUBLISHER).get("lag").asLong() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Kafka bridge did not catch up with the log in 10 minutes");
            }
            Thread.sleep(500);
        }
    }

    private static void consume(String brokers, Pending pending, AtomicBoolean running) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-lag");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(TOPIC);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    pending.published(record.key());
                }
            }
        }
    }

    static List<String> kafkaArguments(String brokers) {
        return List.of("--axon.kafka.publisher.enabled=true", "--axon.kafka.bootstrap-servers=" + brokers);
    }
}

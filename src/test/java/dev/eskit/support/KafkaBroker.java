package dev.eskit.support;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** An in-process KRaft broker, started, that the bridge's transactions work on. */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    /**
     * One broker: its transaction log must be replicated once, where Kafka's default asks for three
     * (which {@code @EmbeddedKafka} lowers itself, and a broker built by hand does not).
     */
    public static EmbeddedKafkaKraftBroker started(int partitions, String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        return broker;
    }
}

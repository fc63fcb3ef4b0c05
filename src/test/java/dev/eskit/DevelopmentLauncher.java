package dev.eskit;

import dev.eskit.support.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The README's run command: the embedded default plus an in-process KRaft broker for the Kafka
 * bridge. It lives in the test sources so that the production jar never contains a broker. The
 * broker's address (a free port) is logged and written to {@code data/kafka-bootstrap-servers}
 * for consumers such as the example in {@code examples/}.
 */
public final class DevelopmentLauncher {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentLauncher.class);
    private static final Path ADDRESS_FILE = Path.of("data", "kafka-bootstrap-servers");

    private DevelopmentLauncher() {
    }

    public static void main(String[] args) throws IOException {
        EmbeddedKafkaKraftBroker broker = KafkaBroker.started(3);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-shutdown"));
        String servers = broker.getBrokersAsString();
        Files.createDirectories(ADDRESS_FILE.getParent());
        Files.writeString(ADDRESS_FILE, servers);
        log.warn("Development Kafka broker at {} (also in {}); it keeps nothing across restarts", servers, ADDRESS_FILE);
        System.setProperty("axon.kafka.bootstrap-servers", servers);
        System.setProperty("axon.kafka.publisher.enabled", "true");
        EskitApplication.main(args);
    }
}

package dev.eskit.examples.metrics;

import com.sun.net.httpserver.HttpServer;
import dev.eskit.client.CatchUpConsumer;
import dev.eskit.client.EskitClient;
import dev.eskit.client.RecordedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every event of the log with a {@link CatchUpConsumer} (checkpointed on the server, so a
 * restart continues where it stopped) and serves Prometheus metrics on {@code /metrics}: events by
 * partition and type, and its own lag. Configured by environment variables, see {@link Settings}.
 */
public final class MetricsConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsConsumer.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final EskitClient client;
    private final CatchUpConsumer consumer;
    private final HttpServer server;

    public MetricsConsumer(Settings settings) throws IOException {
        EskitClient.Builder builder = EskitClient.builder(settings.host(), settings.port()).basic(settings.user(), settings.password());
        this.client = (settings.trustedCertificate() == null ? builder.plaintext() : builder.tls(settings.trustedCertificate())).build();
        this.consumer = client.consumer(settings.name())
                .meterRegistry(registry)
                .checkpointEvery(500, Duration.ofSeconds(2))
                .handler((event, control) -> count(event))
                .listener(new CatchUpConsumer.Listener() {
                    @Override
                    public void caughtUp(long head) {
                        log.info("caught up with the log at position {}", head);
                    }

                    @Override
                    public void resubscribing(Throwable cause, Duration delay) {
                        log.warn("lost the subscription ({}); resubscribing in {}", cause.getMessage(), delay);
                    }
                })
                .start();
        this.server = HttpServer.create(new InetSocketAddress(settings.metricsPort()), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        log.info("following the log as consumer {}; metrics on :{}/metrics", settings.name(), port());
    }

    /** One count per event: Prometheus sees {@code eskit_consumer_events_total{partition, type}}. */
    private void count(RecordedEvent event) {
        Counter.builder("eskit.consumer.events")
                .description("events read from the log, by partition and type")
                .tag("partition", event.partition())
                .tag("type", event.type())
                .register(registry)
                .increment();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public CatchUpConsumer consumer() {
        return consumer;
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        consumer.close();
        client.close();
    }

    /**
     * {@code ESKIT_GRPC_HOST} (localhost), {@code ESKIT_GRPC_PORT} (9090), {@code ESKIT_TLS_TRUST} (a
     * PEM certificate to trust; plaintext without it), {@code ESKIT_USER} and {@code ESKIT_PASSWORD}
     * (an account with the writer role, which saving a checkpoint needs), {@code CONSUMER_NAME}
     * (metrics-consumer), {@code METRICS_PORT} (9464).
     */
    public record Settings(String host, int port, Path trustedCertificate, String user, String password, String name,
                           int metricsPort) {

        static Settings from(Map<String, String> environment) {
            String trust = environment.get("ESKIT_TLS_TRUST");
            return new Settings(environment.getOrDefault("ESKIT_GRPC_HOST", "localhost"),
                    Integer.parseInt(environment.getOrDefault("ESKIT_GRPC_PORT", "9090")),
                    trust == null || trust.isBlank() ? null : Path.of(trust),
                    environment.getOrDefault("ESKIT_USER", "writer"),
                    environment.getOrDefault("ESKIT_PASSWORD", "writer-dev"),
                    environment.getOrDefault("CONSUMER_NAME", "metrics-consumer"),
                    Integer.parseInt(environment.getOrDefault("METRICS_PORT", "9464")));
        }
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        MetricsConsumer metrics = new MetricsConsumer(Settings.from(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                metrics.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}

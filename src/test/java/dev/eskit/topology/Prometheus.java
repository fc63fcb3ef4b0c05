package dev.eskit.topology;

import dev.eskit.support.Api;
import dev.eskit.support.FreePort;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** A real Prometheus server (the {@code prometheus} binary) as a child process, and its HTTP API. */
final class Prometheus implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Prometheus(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    /** The binary on the PATH, else where Debian's package puts it. */
    static Optional<Path> binary() {
        return Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "prometheus")),
                        Stream.of(Path.of("/usr/bin/prometheus")))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts it in {@code directory} (config and storage), scraping {@code /actuator/prometheus} on
     * each {@code host:port} target every second, so that rates have two samples within seconds.
     */
    static Prometheus start(Path binary, Path directory, List<String> targets) {
        try {
            Path config = directory.resolve("prometheus.yml");
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                      evaluation_interval: 1s
                    scrape_configs:
                      - job_name: eskit
                        metrics_path: /actuator/prometheus
                        static_configs:
                          - targets: [%s]
                    """.formatted(targets.stream().map(target -> "'" + target + "'").collect(Collectors.joining(", "))));
            int port = FreePort.any();
            Path log = Path.of("target", "prometheus.log");
            Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Prometheus(process, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole answer of {@code GET /api/v1/query}, an error included, evaluated now. */
    JsonNode query(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** The answer of a GET on the HTTP API, such as {@code /api/v1/targets}. */
    JsonNode get(String pathAndQuery) {
        if (!process.isAlive()) {
            throw new IllegalStateException("prometheus exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
        }
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10))
                    .build(), BodyHandlers.ofString()).body();
            return Api.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

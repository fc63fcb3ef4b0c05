package dev.eskit.bench;

import dev.eskit.bench.Report.Figure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The soak run (not in CI): mixed load at a steady rate for a long while, sampled every half minute.
 * Each sample takes a full collection first, so the heap it shows is what the product holds; open
 * connections (the pool's and the server's) and live threads are read beside it. All must stay flat.
 */
final class Soak {

    private static final Duration SAMPLE = Duration.ofSeconds(30);
    private static final int CLIENTS = 8;
    private static final double PER_SECOND = 150;
    private static final String EVENT = Payloads.event();

    private final Settings settings;
    private final Report report;
    private final Database database;

    Soak(Settings settings, Report report, Database database) {
        this.settings = settings;
        this.report = report;
        this.database = database;
    }

    /** One half-minute: where the product stood after it. */
    record Sample(double minutes, double heapMiB, double poolConnections, long serverConnections, double threads,
                  double requestsPerSecond) {
    }

    List<Sample> run(App app) throws Exception {
        Client client = app.client();
        AtomicReferenceArray<String> lastEntity = new AtomicReferenceArray<>(CLIENTS);
        List<Sample> samples = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + settings.soak().toNanos();
        while (System.nanoTime() < deadline) {
            Load.Result result = Load.paced(CLIENTS, SAMPLE, PER_SECOND, (c, i) -> mixed(client, lastEntity, c, i));
            app.collectGarbage();
            samples.add(new Sample((System.nanoTime() - started) / 60e9, Scenarios.heapMiB(client),
                    Scenarios.metricSum(client, line -> line.startsWith("hikaricp_connections{")),
                    database.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()") - 1,
                    Scenarios.metricSum(client, line -> line.startsWith("jvm_threads_live_threads")),
                    result.perSecond()));
        }
        figures(samples);
        return samples;
    }

    /** A mix of what clients do: creates, patches and reads of entities, appends, log pages, users and gatherings. */
    private static void mixed(Client client, AtomicReferenceArray<String> lastEntity, int c, long i) throws Exception {
        switch ((int) (i % 10)) {
            case 0, 1, 2 -> lastEntity.set(c, client.post("/api/v1/entities/BenchSoak", EVENT, 201).get("id").asString());
            case 3 -> {
                if (lastEntity.get(c) != null) {
                    client.patch("/api/v1/entities/BenchSoak/" + lastEntity.get(c), "{\"n\":" + i + "}", 1);
                }
            }
            case 4, 5 -> client.post("/api/v1/streams/soak-" + c + "-" + i / 100 + "/events",
                    "{\"events\":[{\"type\":\"Soak.Happened\",\"data\":" + EVENT + "}]}", 201);
            case 6 -> client.get("/api/v1/log?limit=100");
            case 7 -> {
                if (lastEntity.get(c) != null) {
                    client.get("/api/v1/entities/BenchSoak/" + lastEntity.get(c));
                }
            }
            case 8 -> client.get("/api/v1/entities/BenchSoak?limit=20");
            default -> client.post("/api/v1/users", "{\"name\":\"Soak\",\"email\":\"" + UUID.randomUUID() + "@example.com\"}", 201);
        }
    }

    /**
     * Flat means: the heap held in the last third of the run within a quarter of the first third's,
     * (the first sample excluded: caches and the JIT are still filling), threads within ten, and the
     * connections never above the pool's maximum.
     */
    private void figures(List<Sample> samples) {
        int third = Math.max(1, samples.size() / 3);
        DoubleSummaryStatistics early = samples.subList(Math.min(1, samples.size() - 1), Math.max(2, third)).stream()
                .mapToDouble(Sample::heapMiB).summaryStatistics();
        DoubleSummaryStatistics late = samples.subList(samples.size() - third, samples.size()).stream()
                .mapToDouble(Sample::heapMiB).summaryStatistics();
        double growth = late.getAverage() / early.getAverage();
        DoubleSummaryStatistics threads = samples.stream().mapToDouble(Sample::threads).summaryStatistics();
        long connections = samples.stream().mapToLong(Sample::serverConnections).max().orElse(0);
        double minutes = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).minutes();
        report.figure(new Figure("SOAK", String.format(Locale.ROOT, "heap after a full collection, last third of %.0f min "
                + "over the first (%.0f → %.0f MiB)", minutes, early.getAverage(), late.getAverage()), growth, "×", null,
                "≤ 1.25", growth <= 1.25));
        report.figure(new Figure("SOAK", String.format(Locale.ROOT, "live threads, max − min (%.0f to %.0f)",
                threads.getMin(), threads.getMax()), threads.getMax() - threads.getMin(), "threads", null, "≤ 10",
                threads.getMax() - threads.getMin() <= 10));
        report.figure(new Figure("SOAK", "server connections of the product, at most", connections, "connections", null,
                "≤ 20 (the pool)", connections <= 20));
        StringBuilder table = new StringBuilder("| minute | heap MiB (after full GC) | pool connections | server connections | threads | req/s |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        samples.forEach(sample -> table.append(String.format(Locale.ROOT, "| %.1f | %.0f | %.0f | %d | %.0f | %.0f |%n",
                sample.minutes(), sample.heapMiB(), sample.poolConnections(), sample.serverConnections(), sample.threads(),
                sample.requestsPerSecond())));
        report.detail(String.format(Locale.ROOT, "Soak: %d clients, %.0f requests a second of mixed load, sampled every %d s.%n%n",
                CLIENTS, PER_SECOND, SAMPLE.toSeconds()) + table);
    }

    static LineChart plot(List<Sample> samples) {
        LineChart plot = new LineChart("Soak: what the product holds over time", "minutes", "MiB / count", false);
        for (Sample sample : samples) {
            plot.point("heap MiB after full GC", sample.minutes(), sample.heapMiB())
                    .point("live threads", sample.minutes(), sample.threads())
                    .point("server connections", sample.minutes(), sample.serverConnections());
        }
        return plot;
    }
}

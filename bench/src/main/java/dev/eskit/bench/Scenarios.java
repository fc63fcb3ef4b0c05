package dev.eskit.bench;

import dev.eskit.bench.Load.Result;
import dev.eskit.bench.Report.Figure;
import dev.eskit.client.EskitClient;
import dev.eskit.client.EventData;
import dev.eskit.client.ExpectedVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/** The scenarios of PERFORMANCE.md against a running product, each beside its reference. */
final class Scenarios {

    private static final String EVENT = Payloads.event();
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(10);
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(5);

    private final Settings settings;
    private final Report report;
    private final Database database;
    private final PgBench pgbench;
    private final Path wrkScripts;
    private double w1Peak;
    private Double w1Ratio;

    Scenarios(Settings settings, Report report, Database database, PgBench pgbench, Path wrkScripts) {
        this.settings = settings;
        this.report = report;
        this.database = database;
        this.pgbench = pgbench;
        this.wrkScripts = wrkScripts;
    }

    double w1Peak() {
        return w1Peak;
    }

    /**
     * Mixed writes and reads until the product's code is compiled, as it is in a service that has run
     * a while: rounds of load until the JIT compilers worked less than a twentieth of a round (on two
     * cores they still took a third of the product's CPU after 30 s, half of it in a second start with
     * Kafka), five minutes at most, or {@code maxRounds}. The smoke run warms up for one short round.
     */
    static void warmUp(Settings settings, Report report, Client client, String what, int maxRounds) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Duration round = settings.smoke() ? settings.phase() : WARM_UP_ROUND;
        long started = System.nanoTime();
        double compiled = compilationMillis(client);
        double lastRound;
        int rounds = 0;
        do {
            String prefix = run + "-" + rounds++;
            Load.run(8, round, (c, i) -> {
                String id = client.post("/api/v1/entities/BenchWarmUp", EVENT, 201).get("id").asString();
                client.patch("/api/v1/entities/BenchWarmUp/" + id, "{\"n\":" + i + "}", 1);
                client.post("/api/v1/streams/warm-" + prefix + "-" + c + "-" + i + "/events",
                        "{\"events\":[{\"type\":\"Bench.Warmed\",\"data\":" + EVENT + "}]}", 201);
                client.get("/api/v1/log?limit=100");
            });
            double now = compilationMillis(client);
            lastRound = now - compiled;
            compiled = now;
        } while (!settings.smoke() && rounds < maxRounds && lastRound > 0.05 * round.toMillis()
                && Duration.ofNanos(System.nanoTime() - started).compareTo(WARM_UP_LIMIT) < 0);
        report.detail(String.format(Locale.ROOT, "Warm-up of %s: %d rounds, %.0f s; the JIT compiled for %.1f s of the last %d s.",
                what, rounds, (System.nanoTime() - started) / 1e9, lastRound / 1000, round.toSeconds()));
    }

    /** The JIT compilers' accumulated time, from the product's metrics. */
    private static double compilationMillis(Client client) throws Exception {
        return metricSum(client, line -> line.startsWith("jvm_compilation_time_ms_total"));
    }

    /** W1: create an entity, one event a request, at 1 to 64 clients, against pgbench's one-row transactions. */
    List<double[]> w1(Client client) throws Exception {
        Wrk wrk = new Wrk(client, wrkScripts);
        StringBuilder table = new StringBuilder("### W1: create entity, one event per request\n\n"
                + "| clients | ESKIT req/s | p50 ms | p99 ms | p99.9 ms | pgbench tx/s | ratio |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        List<double[]> rows = new ArrayList<>();
        Figure at16 = null;
        for (int clients : settings.clients()) {
            Wrk.Result product = wrk.post("/api/v1/entities/BenchW1", EVENT, 201, clients, settings.phase());
            double reference = pgbench.transactionsPerSecond("one-event.sql", clients, settings.phase());
            w1Peak = Math.max(w1Peak, product.perSecond());
            rows.add(new double[] {clients, product.perSecond(), reference, product.p50Millis(), product.p99Millis(),
                    product.p999Millis()});
            table.append(String.format(Locale.ROOT, "| %d | %s | %.2f | %.2f | %.2f | %s | %.2f |%n", clients,
                    Report.format(product.perSecond()), product.p50Millis(), product.p99Millis(), product.p999Millis(),
                    Report.format(reference), product.perSecond() / reference));
            if (clients == 16) {
                w1Ratio = product.perSecond() / reference;
                at16 = new Figure("W1", "throughput, 16 clients", product.perSecond(), "req/s", reference,
                        "≥ 0.5 × reference", product.perSecond() >= 0.5 * reference);
            }
        }
        report.figure(at16);
        report.detail(table.toString());
        return rows;
    }

    /**
     * G1: one event per call appended over gRPC, at 1, 4 and 16 clients, beside the same append over
     * HTTP and pgbench's one-row transactions, each measured in turn in this run.
     */
    void g1(Client http, EskitClient grpc) throws Exception {
        StringBuilder table = new StringBuilder("### G1: append one event per call, gRPC beside HTTP\n\n"
                + "| clients | gRPC req/s | p50 ms | p99 ms | HTTP req/s | p50 ms | p99 ms | pgbench tx/s | gRPC ratio | HTTP ratio |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"events\":[{\"type\":\"Bench.Appended\",\"data\":" + EVENT + "}]}";
        // the warm-up drove HTTP only: compile the gRPC path too before it is measured
        List<EventData> event = List.of(EventData.of("Bench.Appended", EVENT));
        Load.run(16, settings.phase(), (c, i) -> grpc.append("g1-warm-" + run + "-" + c, ExpectedVersion.any(), event));
        Figure at16 = null;
        for (int clients : List.of(1, 4, 16)) {
            Result overGrpc = Load.run(clients, settings.phase(),
                    (c, i) -> grpc.append("g1-grpc-" + run + "-" + clients + "-" + c, ExpectedVersion.any(), event));
            Result overHttp = Load.run(clients, settings.phase(),
                    (c, i) -> http.post("/api/v1/streams/g1-http-" + run + "-" + clients + "-" + c + "/events", body, 201));
            double reference = pgbench.transactionsPerSecond("one-event.sql", clients, settings.phase());
            table.append(String.format(Locale.ROOT, "| %d | %s | %.2f | %.2f | %s | %.2f | %.2f | %s | %.2f | %.2f |%n", clients,
                    Report.format(overGrpc.perSecond()), overGrpc.percentileMillis(50), overGrpc.percentileMillis(99),
                    Report.format(overHttp.perSecond()), overHttp.percentileMillis(50), overHttp.percentileMillis(99),
                    Report.format(reference), overGrpc.perSecond() / reference, overHttp.perSecond() / reference));
            if (clients == 16) {
                double ratio = overGrpc.perSecond() / reference;
                at16 = new Figure("G1", "gRPC appends, one event per call, 16 clients", overGrpc.perSecond(), "req/s", reference,
                        "≥ W1's ratio, and ≥ 0.5 × reference", ratio >= 0.5 && (w1Ratio == null || ratio >= w1Ratio));
            }
        }
        report.figure(at16);
        report.detail(table.toString());
    }

    /** W2: ten events a request, appended to one stream per client, against pgbench's ten-row INSERT. */
    void w2(Client client) throws Exception {
        String body = "{\"expectedVersion\":\"any\",\"events\":[" + String.join(",",
                Collections.nCopies(10, "{\"type\":\"Bench.Appended\",\"data\":" + EVENT + "}")) + "]}";
        String run = UUID.randomUUID().toString().substring(0, 8);
        int clients = 16;
        Result product = Load.run(clients, settings.phase(),
                (c, i) -> client.post("/api/v1/streams/w2-" + run + "-" + c + "/events", body, 201));
        double reference = pgbench.transactionsPerSecond("ten-events.sql", clients, settings.phase()) * 10;
        double events = product.perSecond() * 10;
        report.figure(new Figure("W2", "events/s, 10 per request, 16 clients", events, "events/s", reference,
                "≥ 0.5 × reference", events >= 0.5 * reference));
    }

    /** A1: updating an entity with many versions against updating one with a single version. */
    void a1(Client client) throws Exception {
        JsonNode created = client.post("/api/v1/entities/BenchA1", "{\"n\":0}", 201);
        String bigId = created.get("id").asString();
        long version = 1;
        for (int n = 1; n < settings.a1Versions(); n++) {
            version = client.patch("/api/v1/entities/BenchA1/" + bigId, "{\"n\":" + n + "}", version).get("version").asLong();
        }
        Histogram many = new Histogram(3);
        Histogram one = new Histogram(3);
        for (int sample = 0; sample < settings.a1Samples(); sample++) {
            long started = System.nanoTime();
            version = client.patch("/api/v1/entities/BenchA1/" + bigId, "{\"m\":" + sample + "}", version).get("version").asLong();
            many.recordValue((System.nanoTime() - started) / 1_000);
            String fresh = client.post("/api/v1/entities/BenchA1", "{\"n\":0}", 201).get("id").asString();
            started = System.nanoTime();
            client.patch("/api/v1/entities/BenchA1/" + fresh, "{\"m\":" + sample + "}", 1);
            one.recordValue((System.nanoTime() - started) / 1_000);
        }
        double p50 = (double) many.getValueAtPercentile(50) / one.getValueAtPercentile(50);
        double p99 = (double) many.getValueAtPercentile(99) / one.getValueAtPercentile(99);
        report.figure(new Figure("A1", "update latency p99, " + settings.a1Versions() + " versions vs 1",
                many.getValueAtPercentile(99) / 1000.0, "ms", one.getValueAtPercentile(99) / 1000.0, "ratio ≤ 1.5", p99 <= 1.5));
        report.detail(String.format(Locale.ROOT, "### A1\n\n%s versions: p50 %.2f ms, p99 %.2f ms; 1 version: p50 %.2f ms, "
                        + "p99 %.2f ms; ratios p50 %.2f, p99 %.2f (%d samples each, interleaved).",
                settings.a1Versions(), many.getValueAtPercentile(50) / 1000.0, many.getValueAtPercentile(99) / 1000.0,
                one.getValueAtPercentile(50) / 1000.0, one.getValueAtPercentile(99) / 1000.0, p50, p99,
                settings.a1Samples()));
    }

    /** R2: the whole log over HTTP, 1,000 events a page with cursors, against the SQL scan. */
    void r2(Client client) throws Exception {
        long head = client.get("/api/v1/log?limit=1").get("head").asLong();
        long started = System.nanoTime();
        long read = 0;
        String cursor = null;
        while (read < head) {
            JsonNode page = client.get("/api/v1/log?limit=1000" + (cursor == null ? "" : "&after=" + cursor));
            read += page.get("entries").size();
            cursor = page.get("cursor").asString();
            if (page.get("entries").isEmpty()) {
                break;
            }
        }
        double perSecond = read / ((System.nanoTime() - started) / 1e9);
        double reference = database.scanEventsPerSecond();
        report.figure(new Figure("R2", "log read over HTTP, " + read + " events, 1,000 a page", perSecond, "events/s",
                reference, "≥ 0.3 × reference", perSecond >= 0.3 * reference));
    }

    /** R1: rebuild the entities projection; answers the replay's seconds and events per second. */
    double[] r1(Client client) throws Exception {
        client.post("/api/v1/admin/processors/entities/replay", "{}", 202);
        JsonNode replay;
        do {
            TimeUnit.MILLISECONDS.sleep(100);
            replay = client.get("/api/v1/admin/processors/entities").get("lastReplay");
        } while (!replay.get("state").asString().equals("completed"));
        double seconds = Duration.between(Instant.parse(replay.get("startedAt").asString()),
                Instant.parse(replay.get("finishedAt").asString())).toMillis() / 1000.0;
        return new double[] {replay.get("events").asLong(), seconds, replay.get("eventsPerSecond").asDouble()};
    }

    void r1Figure(double[] replay) throws Exception {
        double reference = database.scanEventsPerSecond();
        report.figure(new Figure("R1", "replay of the entities projection, " + (long) replay[0] + " events", replay[2],
                "events/s", reference, "≥ 50,000 events/s", replay[2] >= 50_000));
    }

    /**
     * How cost grows: the store topped up to each size, then W1 at 16 clients and two replays, of
     * which the second counts (the first in a process also pays for compiling the replay's code).
     */
    List<double[]> growth(Client client) throws Exception {
        Wrk wrk = new Wrk(client, wrkScripts);
        List<double[]> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder("### How cost grows\n\n| stored events | W1 p50 ms | W1 p99 ms | W1 req/s | replay s | "
                + "replay events/s | first replay s |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (int size : settings.storeSizes()) {
            fill(client, size);
            Wrk.Result w1 = wrk.post("/api/v1/entities/BenchGrowth", EVENT, 201, 16, settings.phase().dividedBy(2));
            double[] first = r1(client);
            double[] replay = r1(client);
            rows.add(new double[] {replay[0], w1.p50Millis(), w1.p99Millis(), replay[1]});
            table.append(String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %s | %.1f | %s | %.1f |%n", (long) replay[0],
                    w1.p50Millis(), w1.p99Millis(), Report.format(w1.perSecond()), replay[1],
                    Report.format(replay[2]), first[1]));
        }
        report.detail(table.toString());
        return rows;
    }

    /** {@link #fill}, then entities of three versions each, created by eight clients for a fifth of a phase: what the console's pages show. */
    void fillWithEntities(Client client, long size) throws Exception {
        fill(client, size);
        Load.run(8, settings.phase().dividedBy(5), (c, i) -> {
            String id = client.post("/api/v1/entities/BenchGrowth", EVENT, 201).get("id").asString();
            for (long version = 1; version <= 3; version++) {
                client.patch("/api/v1/entities/BenchGrowth/" + id, "{\"n\":" + version + "}", version);
            }
        });
    }

    /** Appends batches of 100 entity-independent events, each to a stream of its own, until the log holds {@code size} events. */
    private void fill(Client client, long size) throws Exception {
        String body = "{\"expectedVersion\":\"any\",\"events\":[" + String.join(",",
                Collections.nCopies(100, "{\"type\":\"Bench.Filled\",\"data\":" + EVENT + "}")) + "]}";
        long missing = size - client.get("/api/v1/log?limit=1").get("head").asLong();
        long requests = Math.max(0, (missing + 99) / 100);
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> fillers = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            fillers.add(pool.submit(() -> {
                for (long request = next.getAndIncrement(); request < requests; request = next.getAndIncrement()) {
                    client.post("/api/v1/streams/fill-" + run + "-" + request + "/events", body, 201);
                }
                return null;
            }));
        }
        for (Future<?> filler : fillers) {
            filler.get();
        }
        pool.shutdown();
    }

    /** The used heap the product reports on /actuator/prometheus, in MiB. */
    static double heapMiB(Client client) throws Exception {
        double bytes = metricSum(client, line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""));
        return bytes / (1024 * 1024);
    }

    /** The sum of the values of the product's Prometheus samples whose lines {@code sample} accepts. */
    static double metricSum(Client client, Predicate<String> sample) throws Exception {
        return client.getText("/actuator/prometheus").lines()
                .filter(sample)
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}

package dev.eskit.bench;

import dev.eskit.bench.Report.Figure;
import dev.eskit.client.EskitClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The benchmark run: the product's jar on the PostgreSQL profile with durable commits, driven over
 * HTTP as a client would, each scenario beside its reference measured in the same run, then a
 * dated report with plots under bench/reports. {@code --smoke} runs every scenario for a few seconds.
 */
public final class Bench {

    private static final Logger log = LoggerFactory.getLogger(Bench.class);
    private static final int PORT = 18080;

    private Bench() {
    }

    /** S1: the embedded default from an empty directory to ready, as the image starts it and as plain java -jar. */
    private static void startup(Settings settings, Report report, Path work) throws Exception {
        double plain;
        try (App embedded = App.embedded(settings.appJar(), PORT, work.resolve("embedded"), work.resolve("app-embedded.log"))) {
            plain = embedded.startup.toMillis() / 1000.0;
        }
        double shared;
        try (App embedded = App.embeddedWithClassDataSharing(settings.appJar(), PORT, work.resolve("embedded-cds"),
                work.resolve("app-embedded-cds.log"))) {
            shared = embedded.startup.toMillis() / 1000.0;
        }
        report.figure(new Figure("S1", "start-up of the embedded default to ready, extracted with a CDS archive as the image "
                + "runs it (reference: java -jar of the same jar)", shared, "s", plain, "≤ 8 s", shared <= 8));
    }

    private static void finish(Report report, Path folder, String title) throws Exception {
        report.write(folder, title);
        log.info("\n{}", report.summary());
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.from(args);
        if (!Files.exists(settings.appJar())) {
            throw new IllegalStateException(settings.appJar() + " is missing: build it first (bench/run does)");
        }
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + (settings.smoke() ? "-smoke" : "")
                + (settings.soakOnly() ? "-soak" : "");
        // logs, pgbench scripts and the embedded default's data stay out of the reports; so do smoke and partial runs' reports
        Path work = Path.of("bench", "target", "runs", run);
        Path folder = settings.smoke() || settings.partial() ? work : settings.reports().resolve(run);
        Files.createDirectories(folder);
        Files.createDirectories(work);
        Database database = new Database(settings.database());
        database.recreate();
        // pgbench works in a database of its own: Flyway migrates only an empty one
        Database referenceDatabase = new Database(settings.database() + "_reference");
        referenceDatabase.recreate();
        PgBench pgbench = new PgBench(referenceDatabase, settings.database() + "_reference", work.resolve("pgbench"));
        pgbench.createTable();
        Report report = new Report();
        Wrk.requireInstalled();
        Scenarios scenarios = new Scenarios(settings, report, database, pgbench, work.resolve("wrk"));

        if (settings.soakOnly()) {
            try (App app = App.postgres(settings.appJar(), settings.database(), PORT, List.of(), work.resolve("app-soak.log"))) {
                Scenarios.warmUp(settings, report, app.client(), "the product", Integer.MAX_VALUE);
                report.plot(folder, "soak.png", Soak.plot(new Soak(settings, report, database).run(app)));
            }
            finish(report, folder, "ESKIT soak, " + run);
            return;
        }
        if (settings.startupOnly()) {
            startup(settings, report, work);
            finish(report, folder, "ESKIT start-up only, " + run);
            return;
        }
        if (settings.replayOnly()) {
            onWarmProduct(settings, report, work, client -> {
                scenarios.w1(client);
                scenarios.r1Figure(scenarios.r1(client));
            });
            finish(report, folder, "ESKIT replay only, " + run);
            return;
        }
        if (settings.writesOnly()) {
            try (App app = App.postgres(settings.appJar(), settings.database(), PORT, List.of(), work.resolve("app.log"));
                 EskitClient grpc = app.grpcClient()) {
                Scenarios.warmUp(settings, report, app.client(), "the product", Integer.MAX_VALUE);
                scenarios.w1(app.client());
                scenarios.g1(app.client(), grpc);
                scenarios.w2(app.client());
            }
            finish(report, folder, "ESKIT writes only, " + run);
            return;
        }
        if (settings.growthOnly()) {
            report.plot(folder, "growth.png", growthPlot(growth(settings, report, work, scenarios)));
            finish(report, folder, "ESKIT growth only, " + run);
            return;
        }
        if (settings.consoleOnly()) {
            consolePages(settings, report, work, scenarios);
            finish(report, folder, "ESKIT console pages only, " + run);
            return;
        }
        if (settings.lagsOnly()) {
            lags(settings, report, work, settings.lagRate());
            finish(report, folder, "ESKIT lags only, " + run);
            return;
        }
        List<double[]> w1;
        List<double[]> growth;
        double heap;
        try (App app = App.postgres(settings.appJar(), settings.database(), PORT, List.of(), work.resolve("app.log"));
             EskitClient grpc = app.grpcClient()) {
            Client client = app.client();
            Scenarios.warmUp(settings, report, client, "the product", Integer.MAX_VALUE);
            w1 = scenarios.w1(client);
            double usedHeap = Scenarios.heapMiB(client);
            app.collectGarbage();
            heap = Scenarios.heapMiB(client);
            report.detail(String.format(Locale.ROOT, "Heap after W1: %.0f MiB in use, %.0f MiB of it live (after a full collection).",
                    usedHeap, heap));
            scenarios.g1(client, grpc);
            scenarios.w2(client);
            scenarios.a1(client);
            scenarios.r2(client);
            scenarios.r1Figure(scenarios.r1(client));
        }
        growth = growth(settings, report, work, scenarios);
        lags(settings, report, work, scenarios.w1Peak() / 2);

        startup(settings, report, work);
        report.figure(new Figure("S1", "heap live after W1 (after a full collection)", heap, "MiB", null, "≤ 512 MiB", heap <= 512));

        plots(report, folder, w1, growth);
        finish(report, folder, "ESKIT benchmark, " + folder.getFileName() + (settings.smoke() ? " (smoke: figures mean nothing)" : ""));
        log.info("report: {}", folder.resolve("report.md"));
    }

    /** Scenarios that run on the product's PostgreSQL start, once it is warmed up. */
    @FunctionalInterface
    private interface Measurement {
        void run(Client client) throws Exception;
    }

    private static void onWarmProduct(Settings settings, Report report, Path work, Measurement measurement) throws Exception {
        try (App app = App.postgres(settings.appJar(), settings.database(), PORT, List.of(), work.resolve("app.log"))) {
            Scenarios.warmUp(settings, report, app.client(), "the product", Integer.MAX_VALUE);
            measurement.run(app.client());
        }
    }

    /**
     * How cost grows, on a start of its own with an empty database: the warm-up and W1 of the main
     * start already store more than the smallest sizes. Its warm-up is one round, so that the store
     * is still small after it; the JIT is then still compiling, which weighs on the smallest size.
     * C1 follows, on the largest store.
     */
    private static List<double[]> growth(Settings settings, Report report, Path work, Scenarios scenarios) throws Exception {
        String database = settings.database() + "_growth";
        new Database(database).recreate();
        try (App app = App.postgres(settings.appJar(), database, PORT, List.of(), work.resolve("app-growth.log"))) {
            Scenarios.warmUp(settings, report, app.client(), "the growth runs' product", 1);
            List<double[]> growth = scenarios.growth(app.client());
            new ConsolePages(app, report).measure(new Database(database));
            return growth;
        }
    }

    /** C1 alone: the store filled to the largest of --sizes, with a few entities, then the console's pages. */
    private static void consolePages(Settings settings, Report report, Path work, Scenarios scenarios) throws Exception {
        String database = settings.database() + "_growth";
        new Database(database).recreate();
        try (App app = App.postgres(settings.appJar(), database, PORT, List.of(), work.resolve("app-console.log"))) {
            Scenarios.warmUp(settings, report, app.client(), "the product", Integer.MAX_VALUE);
            scenarios.fillWithEntities(app.client(), settings.storeSizes().get(settings.storeSizes().size() - 1));
            new ConsolePages(app, report).measure(new Database(database));
        }
    }

    /** L1 and L2 on a start with the Kafka bridge on, publishing to a broker in this process. */
    private static void lags(Settings settings, Report report, Path work, double perSecond) throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        // one broker: the bridge's transactions need a transaction log replicated once, not Kafka's default three
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        try (App app = App.postgres(settings.appJar(), settings.database(), PORT,
                Lags.kafkaArguments(broker.getBrokersAsString()), work.resolve("app-kafka.log"))) {
            Scenarios.warmUp(settings, report, app.client(), "the product with Kafka", Integer.MAX_VALUE);
            new Lags(settings, report).run(app.client(), broker.getBrokersAsString(), perSecond);
        } finally {
            broker.destroy();
        }
    }

    private static void plots(Report report, Path folder, List<double[]> w1, List<double[]> growth) throws Exception {
        LineChart throughput = new LineChart("W1 throughput vs clients", "clients", "per second", true);
        LineChart latency = new LineChart("W1 latency vs clients", "clients", "ms", true);
        for (double[] row : w1) {
            throughput.point("ESKIT req/s", row[0], row[1]).point("pgbench tx/s", row[0], row[2]);
            latency.point("p50", row[0], row[3]).point("p99", row[0], row[4]).point("p99.9", row[0], row[5]);
        }
        report.plot(folder, "w1-throughput.png", throughput);
        report.plot(folder, "w1-latency.png", latency);
        report.plot(folder, "growth.png", growthPlot(growth));
    }

    private static LineChart growthPlot(List<double[]> growth) {
        LineChart replay = new LineChart("Replay time and W1 latency vs store size", "stored events", "s / ms", true);
        for (double[] row : growth) {
            replay.point("replay s", row[0], row[3]).point("W1 p99 ms", row[0], row[2]).point("W1 p50 ms", row[0], row[1]);
        }
        return replay;
    }
}

package dev.eskit.bench;

import dev.eskit.client.EskitClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The product's jar in a process of its own, as a user runs it, and the time it took to be ready. */
final class App implements AutoCloseable {

    static final String USER = "bench";
    /** Made per run: the account exists only in this run's database and process. */
    static final String PASSWORD = UUID.randomUUID().toString();
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    /** The collector the product's image runs with (Dockerfile), so that every scenario measures the product as it is shipped. */
    private static final String IMAGE_COLLECTOR = "-XX:+UseParallelGC";

    private final Process process;
    private final int port;
    final Duration startup;

    private App(Process process, int port, Duration startup) {
        this.process = process;
        this.port = port;
        this.startup = startup;
    }

    /** The PostgreSQL profile on {@code database}, with an admin account for the harness and JSON logs to a file. */
    static App postgres(Path jar, String database, int port, List<String> extra, Path log) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--eskit.security.users[0].name=" + USER,
                "--eskit.security.users[0].password={noop}" + PASSWORD,
                "--eskit.security.users[0].roles[0]=admin"));
        arguments.addAll(extra);
        ProcessBuilder builder = command(jar, List.of(), port, arguments)
                .redirectOutput(log.toFile()).redirectErrorStream(true);
        builder.environment().put("ESKIT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
        builder.environment().put("ESKIT_DB_USER", Database.user());
        builder.environment().put("ESKIT_DB_PASSWORD", "");
        builder.environment().put("ESKIT_EMAIL_PEPPER", "bench-pepper");
        return start(builder, port);
    }

    /** The embedded default (H2 file, development accounts) in an empty working directory. */
    static App embedded(Path jar, int port, Path workingDirectory, Path log) throws Exception {
        Files.createDirectories(workingDirectory);
        ProcessBuilder builder = command(jar.toAbsolutePath(), List.of(), port, List.of())
                .directory(workingDirectory.toFile()).redirectOutput(log.toFile()).redirectErrorStream(true);
        return start(builder, port);
    }

    /**
     * The embedded default started the way the image starts it: from the extracted jar with a class
     * data sharing archive made by a training run (Spring Boot's documented CDS recipe). The
     * extraction and the training run are build steps, so only the final start is timed.
     */
    static App embeddedWithClassDataSharing(Path jar, int port, Path workingDirectory, Path log) throws Exception {
        Path extracted = workingDirectory.resolve("extracted").toAbsolutePath();
        run(new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                "--destination", extracted.toString()), log);
        Path application = extracted.resolve(jar.getFileName());
        Path archive = extracted.resolve("application.jsa");
        Path training = workingDirectory.resolve("training");
        Files.createDirectories(training);
        run(command(application, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"), 0, List.of())
                .directory(training.toFile()), log);
        Path run = workingDirectory.resolve("run");
        Files.createDirectories(run);
        ProcessBuilder builder = command(application, List.of("-XX:SharedArchiveFile=" + archive), port, List.of())
                .directory(run.toFile()).redirectOutput(log.toFile()).redirectErrorStream(true);
        return start(builder, port);
    }

    /**
     * A full collection in the product ({@code jcmd GC.run}): the heap it reports next is what it
     * holds, not also the garbage that the collector has not needed to reclaim yet.
     */
    void collectGarbage() throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd GC.run failed for the product's process " + process.pid());
        }
    }

    Client client() {
        return new Client(base(), USER, PASSWORD);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The product's gRPC API through its Java client, with the harness's account. */
    EskitClient grpcClient() {
        return EskitClient.builder("127.0.0.1", grpcPort(port)).plaintext().basic(USER, PASSWORD).build();
    }

    /** Beside the HTTP port, so that a run never meets another server on gRPC's default 9090. */
    private static int grpcPort(int port) {
        return port + 10;
    }

    /**
     * The product's JVM as the scenario needs it, plus whatever {@code BENCH_PRODUCT_JVM_OPTIONS} adds
     * (space-separated), such as a flight recording to profile a scenario with.
     */
    private static ProcessBuilder command(Path jar, List<String> jvmOptions, int port, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(java(), IMAGE_COLLECTOR));
        command.addAll(jvmOptions);
        String extra = System.getenv("BENCH_PRODUCT_JVM_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.grpc.server.port=" + grpcPort(port)));
        command.addAll(arguments);
        return new ProcessBuilder(command);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a build step to its end, its output appended to {@code log}. */
    private static void run(ProcessBuilder step, Path log) throws Exception {
        Process process = step.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("step " + step.command() + " failed; see " + log);
        }
    }

    private static App start(ProcessBuilder builder, int port) throws Exception {
        long started = System.nanoTime();
        Process process = builder.start();
        Client probe = new Client("http://127.0.0.1:" + port, USER, PASSWORD);
        while (probe.status("/actuator/health/readiness") != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped while starting; see its log");
            }
            if (System.nanoTime() - started > START_LIMIT.toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("the application was not ready within " + START_LIMIT);
            }
            Thread.sleep(20);
        }
        return new App(process, port, Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

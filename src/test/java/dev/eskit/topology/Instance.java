package dev.eskit.topology;

import dev.eskit.EskitApplication;
import dev.eskit.support.Api;
import dev.eskit.support.AxonServerWire;
import dev.eskit.support.FreePort;
import dev.eskit.support.Grpc;
import dev.eskit.support.PostgresSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the application in a JVM of its own, as a replica runs: its own token-claim
 * owner (Axon names it after the process), its own caches, the shared PostgreSQL schema.
 */
final class Instance implements AutoCloseable {

    private final Process process;
    private final List<String> command;
    private final Path log;
    final int port;
    final int grpcPort;
    final Api api;
    final Grpc grpc;

    private Instance(Process process, List<String> command, int port, int grpcPort, Path log) {
        this.process = process;
        this.command = command;
        this.port = port;
        this.grpcPort = grpcPort;
        this.api = new Api(port, false);
        this.grpc = new Grpc(grpcPort, false);
        this.log = log;
    }

    /**
     * Starts {@code name} on the PostgreSQL profile in {@code schema}, with extra {@code --key=value}
     * arguments; on the {@code axonserver} profile too when the tests were given a real server.
     */
    static Instance start(String name, String schema, List<String> arguments) {
        List<String> all = new ArrayList<>(List.of("--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true"));
        if (AxonServerWire.REAL_SERVER != null) {
            all.addAll(List.of("--spring.profiles.active=postgres,postgres-test,axonserver",
                    "--axon.axonserver.servers=" + AxonServerWire.REAL_SERVER, "--axon.axonserver.context=default",
                    "--axon.axonserver.token=" + System.getenv().getOrDefault("ESKIT_TEST_AXONSERVER_TOKEN", "")));
        }
        all.addAll(arguments);
        return startOn(name, PostgresSchema.SERVER + "?currentSchema=" + schema, PostgresSchema.USER, all);
    }

    /** Starts {@code name} on the PostgreSQL profile against the database at {@code jdbcUrl}. */
    static Instance startOn(String name, String jdbcUrl, String user, List<String> arguments) {
        int port = FreePort.any();
        int grpcPort = FreePort.any();
        Path log = Path.of("target", "instance-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), EskitApplication.class.getName(),
                "--server.port=" + port,
                "--spring.grpc.server.port=" + grpcPort,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.hikari.maximum-pool-size=8"));
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--spring.profiles.active="))) {
            command.add("--spring.profiles.active=postgres,postgres-test");
        }
        command.addAll(arguments);
        return launch(command, port, grpcPort, log);
    }

    /** The same instance started again after it stopped: same ports, database and arguments, as a restarted container. */
    Instance startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException("stop the instance first");
        }
        return launch(command, port, grpcPort, log.resolveSibling(log.getFileName().toString().replace(".log", "-again.log")));
    }

    private static Instance launch(List<String> command, int port, int grpcPort, Path log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Instance(process, command, port, grpcPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the instance exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
        }
        try {
            return api.get(Api.Role.NONE, "/actuator/health/readiness").status() == 200;
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    /** Shuts down as a container is stopped: SIGTERM, a graceful shutdown, then the process ends. */
    @Override
    public void close() throws InterruptedException {
        grpc.close();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Ends the process as a power cut or the OOM killer would: SIGKILL, no shutdown of any kind. */
    void kill() throws InterruptedException {
        grpc.close();
        process.destroyForcibly().waitFor();
    }
}

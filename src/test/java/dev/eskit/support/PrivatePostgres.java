package dev.eskit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, in a temporary folder, that the test may stop and start:
 * the shared server holds every other test's database. Runs the machine's binaries as the
 * {@code postgres} user when the tests run as root, which initdb refuses.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path BINARIES = Path.of("/usr/lib/postgresql/15/bin");

    private final Path directory;
    private final int port;
    private boolean running;

    private PrivatePostgres(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    public static boolean available() {
        return Files.isExecutable(BINARIES.resolve("initdb"));
    }

    /** Creates the cluster with fsync on, as production runs, and starts it. */
    public static PrivatePostgres start() {
        try {
            Path directory = Files.createTempDirectory("eskit-pg-");
            PrivatePostgres postgres = new PrivatePostgres(directory, FreePort.any());
            postgres.run("chmod", "700", directory.toString());
            if (runningAsRoot()) {
                postgres.run("chown", "postgres:postgres", directory.toString());
            }
            postgres.runAsPostgres(BINARIES.resolve("initdb").toString(), "-D", postgres.data().toString(), "-U", "postgres",
                    "--auth=trust", "--no-sync", "-E", "UTF8");
            postgres.startAgain();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the stopped cluster on the same port and data, as an operator restarts a database. */
    public void startAgain() {
        runAsPostgres(BINARIES.resolve("pg_ctl").toString(), "-D", data().toString(), "-w", "-t", "60",
                "-l", directory.resolve("postgres.log").toString(),
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c max_connections=60", "start");
        running = true;
    }

    /** Stops at once, as a crash would: open connections are cut and nothing is checkpointed. */
    public void stopImmediately() {
        runAsPostgres(BINARIES.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop");
        running = false;
    }

    @Override
    public void close() {
        try {
            if (running) {
                stopImmediately();
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void runAsPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("commands.log").toFile())).start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see "
                        + directory.resolve("commands.log") + ":\n" + Files.readString(directory.resolve("commands.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}

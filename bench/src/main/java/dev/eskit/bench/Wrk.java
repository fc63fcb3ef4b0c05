package dev.eskit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop HTTP load from wrk, for the scenarios that set the product's throughput against
 * pgbench's: both load generators are then written in C and event-driven, so that on the two cores
 * the product shares with PostgreSQL and the load, the load takes as little as pgbench's does. The
 * harness's Java client (16 threads, one blocking connection each) spent 0.09 ms of CPU a create
 * against wrk's 0.02 ms, and its threads woke late on the busy cores: on one product jar it drove
 * a third fewer creates a second than wrk. A request wrk sends counts from when it is sent.
 */
final class Wrk {

    private static final Pattern RESULT = Pattern.compile(
            "eskit-result requests=(\\d+) micros=(\\d+) errors=(\\d+) p50=(\\d+) p99=(\\d+) p999=(\\d+)");

    /** What one run did: requests, their rate, and latency percentiles in milliseconds. */
    record Result(long requests, double seconds, double p50Millis, double p99Millis, double p999Millis) {

        double perSecond() {
            return requests / seconds;
        }
    }

    private final Client client;
    private final Path scripts;

    Wrk(Client client, Path scripts) {
        this.client = client;
        this.scripts = scripts;
    }

    /** Fails at once, before any scenario runs, when wrk is not installed. */
    static void requireInstalled() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            version.waitFor();
        } catch (IOException notFound) {
            throw new IllegalStateException("wrk is not installed: the harness drives W1 with it (Debian: apt-get install wrk)", notFound);
        }
    }

    /**
     * POSTs {@code json} to {@code path} from {@code clients} connections: a fifth of {@code duration}
     * unmeasured, then {@code duration} measured. Any answer other than {@code expected}, or a
     * connection error, fails the run.
     */
    Result post(String path, String json, int expected, int clients, Duration duration) throws IOException, InterruptedException {
        Path script = script(json, expected);
        run(script, path, expected, clients, duration.dividedBy(5));
        return run(script, path, expected, clients, duration);
    }

    private Result run(Path script, String path, int expected, int clients, Duration duration) throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "-t", String.valueOf(Math.min(clients, 2)),
                "-c", String.valueOf(clients), "-d", Math.max(1, duration.toSeconds()) + "s", "--timeout", "60s",
                "-s", script.toString(), client.base() + path);
        Matcher result = LoadGenerators.run(command, RESULT);
        if (Long.parseLong(result.group(3)) > 0) {
            throw new IllegalStateException(result.group(3) + " requests to " + path + " failed or were not answered "
                    + expected + ": " + result.group());
        }
        return new Result(Long.parseLong(result.group(1)), Long.parseLong(result.group(2)) / 1e6,
                micros(result, 4), micros(result, 5), micros(result, 6));
    }

    private static double micros(Matcher result, int group) {
        return Long.parseLong(result.group(group)) / 1000.0;
    }

    /**
     * The request, and a summary line at the end. wrk counts only statuses from 400 as errors and
     * keeps counts per thread, so each thread compares every answer's status with {@code expected}.
     */
    private Path script(String json, int expected) throws IOException {
        Files.createDirectories(scripts);
        Path script = scripts.resolve("post-" + expected + ".lua");
        Files.writeString(script, """
                wrk.method = "POST"
                wrk.body = [==[%s]==]
                wrk.headers["Content-Type"] = "application/json"
                wrk.headers["Authorization"] = "%s"
                unexpected = 0
                local threads = {}
                setup = function(thread) table.insert(threads, thread) end
                response = function(status, headers, body)
                  if status ~= %d then unexpected = unexpected + 1 end
                end
                done = function(summary, latency, requests)
                  local e = summary.errors
                  local failed = e.connect + e.read + e.write + e.timeout
                  for _, thread in ipairs(threads) do failed = failed + thread:get("unexpected") end
                  io.write(string.format("eskit-result requests=%%d micros=%%d errors=%%d p50=%%d p99=%%d p999=%%d\\n",
                    summary.requests, summary.duration, failed,
                    latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
                end
                """.formatted(json, client.authorization(), expected));
        return script;
    }
}

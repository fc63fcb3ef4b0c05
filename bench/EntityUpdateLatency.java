import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Scenario A1 of PERFORMANCE.md: the latency of updating an entity with a long history against one
 * with a single version, over HTTP with authentication, as a client sees it. Run with the JDK's
 * single-file launcher against a running server:
 * {@code java bench/EntityUpdateLatency.java http://localhost:8080 writer:writer-dev 10000 1000}
 */
public class EntityUpdateLatency {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String base;
    private static String auth;

    public static void main(String[] args) throws Exception {
        base = args.length > 0 ? args[0] : "http://localhost:8080";
        auth = "Basic " + Base64.getEncoder().encodeToString((args.length > 1 ? args[1] : "writer:writer-dev").getBytes());
        int history = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        String type = "A1" + UUID.randomUUID().toString().substring(0, 8);

        String longLived = create(type);
        for (int version = 1; version < history; version++) {
            update(type, longLived, version);
        }
        long[] fresh = new long[samples];
        long[] old = new long[samples];
        for (int i = 0; i < samples; i++) {
            String id = create(type);
            fresh[i] = update(type, id, 1);
            old[i] = update(type, longLived, history + i);
        }
        Arrays.sort(fresh);
        Arrays.sort(old);
        System.out.printf("A1 history=%d samples=%d%n", history, samples);
        System.out.printf("  1 version:      p50=%.2fms p99=%.2fms%n", p(fresh, 0.5), p(fresh, 0.99));
        System.out.printf("  %d versions: p50=%.2fms p99=%.2fms%n", history, p(old, 0.5), p(old, 0.99));
        System.out.printf("  ratio p50=%.2f p99=%.2f (goal <= 1.5)%n", p(old, 0.5) / p(fresh, 0.5), p(old, 0.99) / p(fresh, 0.99));
    }

    private static String create(String type) throws Exception {
        String id = UUID.randomUUID().toString();
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/entities/" + type + "/" + id))
                .header("If-None-Match", "*").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"n\":0,\"note\":\"" + "x".repeat(300) + "\"}")), 201);
        return id;
    }

    /** Moves the entity from {@code version} to the next one; returns the latency in microseconds. */
    private static long update(String type, String id, long version) throws Exception {
        long started = System.nanoTime();
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/entities/" + type + "/" + id))
                .header("If-Match", "\"" + version + "\"").header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"n\":" + version + "}")), 200);
        return (System.nanoTime() - started) / 1_000;
    }

    private static void send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    private static double p(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, sorted.length * quantile)] / 1000.0;
    }
}

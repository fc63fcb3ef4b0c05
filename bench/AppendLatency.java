import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Latency of one append (one event per request, one client, sequential) against a running ESKIT,
 * over HTTP with authentication, as a client sees it. Run with the JDK's single-file launcher:
 * {@code java bench/AppendLatency.java http://localhost:8080 writer:writer-dev 5000}
 */
public class AppendLatency {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String credentials = args.length > 1 ? args[1] : "writer:writer-dev";
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int warmup = Math.max(500, requests / 5);
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes());
        String body = "{\"events\":[{\"type\":\"Bench.Appended\",\"data\":{\"name\":\"" + "x".repeat(400) + "\"}}]}";
        long[] micros = new long[requests];
        for (int i = -warmup; i < requests; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/streams/bench-" + UUID.randomUUID() + "/events"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = (System.nanoTime() - started) / 1_000;
            if (response.statusCode() != 201) {
                throw new IllegalStateException("append failed: " + response.statusCode() + " " + response.body());
            }
            if (i >= 0) {
                micros[i] = took;
            }
        }
        Arrays.sort(micros);
        System.out.printf("appends=%d p50=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms%n", requests,
                micros[requests / 2] / 1000.0, micros[(int) (requests * 0.99)] / 1000.0,
                micros[(int) (requests * 0.999)] / 1000.0, micros[requests - 1] / 1000.0);
    }
}

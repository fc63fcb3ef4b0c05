package dev.eskit.bench;

import dev.eskit.bench.Report.Figure;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * C1: every page of the admin console, as a browser asks for it after logging in, timed on the
 * store as it stands (the growth runs' largest size). Each page is asked for a few times unmeasured,
 * then {@code SAMPLES} times one after another; the figure is the slowest page's slowest answer.
 */
final class ConsolePages {

    private static final int WARM_UP = 5;
    private static final int SAMPLES = 20;
    private static final double BUDGET_MILLIS = 200;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern FIRST_ENTITY = Pattern.compile("href=\"/console/entities/BenchGrowth/([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final App app;
    private final String base;
    private final Report report;

    ConsolePages(App app, Report report) {
        this.app = app;
        this.base = app.base();
        this.report = report;
    }

    /** {@code database} is the one the product runs on. */
    void measure(Database database) throws Exception {
        Client api = app.client();
        caughtUp(api);
        database.analyze();
        logIn(App.USER, App.PASSWORD);
        long head = api.get("/api/v1/log?limit=1").get("head").asLong();
        String stream = api.get("/api/v1/streams?limit=1").get("items").get(0).get("streamId").asString();
        String requestId = api.get("/api/v1/log?direction=backward&limit=1").get("entries").get(0)
                .get("metadata").get("requestId").asString();
        String entity = firstEntity();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/console");
        pages.put("overview, live refresh", "/console/overview/live");
        pages.put("streams, first page", "/console/streams");
        pages.put("streams by prefix", "/console/streams?prefix=" + encode(stream.substring(0, stream.length() - 2)));
        pages.put("a stream, oldest first", "/console/streams/" + encode(stream));
        pages.put("a stream, newest first", "/console/streams/" + encode(stream) + "?direction=backward");
        pages.put("log from the start", "/console/log");
        pages.put("log from an instant", "/console/log?from=" + encode(Instant.now().minusSeconds(60).toString()));
        pages.put("log by request id (a scan)", "/console/log?requestId=" + encode(requestId));
        pages.put("log by type", "/console/log?selector=BenchGrowth.*");
        pages.put("entity types", "/console/entities");
        pages.put("entities of a type", "/console/entities/BenchGrowth");
        pages.put("an entity's history", "/console/entities/BenchGrowth/" + encode(entity));
        pages.put("users", "/console/users");
        pages.put("processors", "/console/processors");
        pages.put("dead letters", "/console/dead-letters");
        pages.put("consumers", "/console/consumers");

        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "### C1: console pages on a store of %,d events%n%n| page | p50 ms | max ms |%n| --- | --- | --- |%n", head));
        double slowest = 0;
        String slowestPage = null;
        for (var page : pages.entrySet()) {
            Histogram millis = time(page.getValue());
            double max = millis.getMaxValue() / 1000.0;
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", page.getKey(),
                    millis.getValueAtPercentile(50) / 1000.0, max));
            if (max > slowest) {
                slowest = max;
                slowestPage = page.getKey();
            }
        }
        report.detail(table.toString());
        report.figure(new Figure("C1", String.format(Locale.ROOT, "slowest console answer, %d pages × %d, %,d events (%s)",
                pages.size(), SAMPLES, head, slowestPage), slowest, "ms", null, "< 200 ms", slowest < BUDGET_MILLIS));
    }

    /** Timings on a machine whose processors still work through a fill would measure the fill. */
    private static void caughtUp(Client api) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (true) {
            boolean behind = false;
            for (JsonNode processor : api.get("/api/v1/admin/processors")) {
                behind |= processor.get("lag").asLong() > 0;
            }
            if (!behind) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the processors did not catch up with the store in 15 minutes");
            }
            Thread.sleep(1_000);
        }
    }

    private Histogram time(String path) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            get(path);
        }
        Histogram micros = new Histogram(3);
        for (int i = 0; i < SAMPLES; i++) {
            long started = System.nanoTime();
            get(path);
            micros.recordValue((System.nanoTime() - started) / 1000);
        }
        return micros;
    }

    private void logIn(String user, String password) throws Exception {
        Matcher token = CSRF.matcher(get("/console/login"));
        if (!token.find()) {
            throw new IllegalStateException("the login page has no CSRF token");
        }
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("the console refused the harness's login: " + response.statusCode());
        }
    }

    private String firstEntity() throws Exception {
        Matcher entity = FIRST_ENTITY.matcher(get("/console/entities/BenchGrowth"));
        if (!entity.find()) {
            throw new IllegalStateException("the store holds no BenchGrowth entity");
        }
        return entity.group(1);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

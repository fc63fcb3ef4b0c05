package dev.eskit.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How long and how big a run is. The full run is what the README reports; the smoke run (a few
 * seconds a scenario) only proves in CI that the harness still works end to end.
 */
record Settings(boolean smoke, Duration phase, List<Integer> clients, int a1Versions, int a1Samples,
                List<Integer> storeSizes, Path appJar, Path reports, String database, Double lagRate, boolean startupOnly,
                boolean replayOnly, boolean writesOnly, boolean growthOnly, boolean consoleOnly, Duration soak) {

    /** Only L1 and L2, at a fixed rate instead of half of W1's peak: to compare a change to the lags quickly. */
    boolean lagsOnly() {
        return lagRate != null;
    }

    /** The soak run: mixed load for this long, not the benchmark. */
    boolean soakOnly() {
        return soak != null;
    }

    /** A run of one scenario group, reported under bench/target/runs instead of bench/reports. */
    boolean partial() {
        return lagsOnly() || startupOnly || replayOnly || writesOnly || growthOnly || consoleOnly;
    }

    static Settings from(String[] args) {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        List<Integer> sizes = smoke ? List.of(2_000, 5_000) : List.of(10_000, 100_000);
        Double lagRate = null;
        for (String arg : args) {
            if (arg.startsWith("--lags-only=")) {
                lagRate = Double.parseDouble(arg.substring("--lags-only=".length()));
            }
            if (arg.startsWith("--sizes=")) {
                sizes = Arrays.stream(arg.substring("--sizes=".length()).split(",")).map(Integer::parseInt).toList();
            }
        }
        boolean startupOnly = Arrays.asList(args).contains("--startup-only");
        boolean replayOnly = Arrays.asList(args).contains("--replay-only");
        boolean writesOnly = Arrays.asList(args).contains("--writes-only");
        boolean growthOnly = Arrays.asList(args).contains("--growth-only");
        boolean consoleOnly = Arrays.asList(args).contains("--console-only");
        Duration soak = null;
        for (String arg : args) {
            if (arg.equals("--soak") || arg.startsWith("--soak=")) {
                soak = Duration.ofMinutes(arg.equals("--soak") ? 30 : Long.parseLong(arg.substring("--soak=".length())));
            }
        }
        return new Settings(smoke,
                smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(15),
                List.of(1, 4, 16, 64),
                smoke ? 50 : 10_000,
                smoke ? 50 : 1_000,
                sizes,
                Path.of("src", "target").resolve(appJarName()),
                Path.of("bench", "reports"),
                "eskit_bench",
                lagRate,
                startupOnly,
                replayOnly,
                writesOnly,
                growthOnly,
                consoleOnly,
                soak);
    }

    private static String appJarName() {
        return "eskit-app-0.1.0-SNAPSHOT.jar";
    }
}

package dev.eskit.bench;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The load generators in C that the harness runs beside the product (pgbench, wrk). */
final class LoadGenerators {

    private LoadGenerators() {
    }

    /** Runs {@code command} to its end and finds {@code result} in what it printed. */
    static Matcher run(List<String> command, Pattern result) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + output);
        }
        Matcher found = result.matcher(output);
        if (!found.find()) {
            throw new IllegalStateException("no result in " + command.get(0) + "'s output: " + output);
        }
        return found;
    }
}

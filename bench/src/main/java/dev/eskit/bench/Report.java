package dev.eskit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run's Markdown report: the summary table with ratios and goals, details, and links to the plots. */
final class Report {

    /** One line of the summary: the product's figure, the reference measured in the same run, and the goal. */
    record Figure(String scenario, String figure, double value, String unit, Double reference, String goal, boolean passed) {

        Double ratio() {
            return reference == null || reference == 0 ? null : value / reference;
        }
    }

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private final List<String> plots = new ArrayList<>();

    void figure(Figure figure) {
        figures.add(figure);
    }

    void detail(String markdown) {
        details.add(markdown);
    }

    void plot(Path folder, String file, LineChart chart) throws IOException {
        chart.write(folder.resolve(file));
        plots.add(file);
    }

    String summary() {
        StringBuilder table = new StringBuilder("| scenario | figure | ESKIT | reference (same run) | ratio | goal | |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Figure figure : figures) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %s %s | %s | %s | %s | %s |%n", figure.scenario(),
                    figure.figure(), format(figure.value()), figure.unit(),
                    figure.reference() == null ? "—" : format(figure.reference()) + " " + figure.unit(),
                    figure.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f", figure.ratio()),
                    figure.goal(), figure.passed() ? "pass" : "**miss**"));
        }
        return table.toString();
    }

    void write(Path folder, String heading) throws IOException {
        StringBuilder markdown = new StringBuilder("# " + heading + "\n\n").append(summary()).append('\n');
        details.forEach(detail -> markdown.append(detail).append("\n\n"));
        plots.forEach(plot -> markdown.append("![").append(plot).append("](").append(plot).append(")\n\n"));
        Files.writeString(folder.resolve("report.md"), markdown.toString());
    }

    static String format(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

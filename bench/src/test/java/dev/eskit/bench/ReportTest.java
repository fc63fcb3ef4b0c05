package dev.eskit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.bench.Report.Figure;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ReportTest {

    @Test
    void theSummaryGivesEachFigureItsRatioAndVerdict() {
        Report report = new Report();
        report.figure(new Figure("W1", "throughput, 16 clients", 1500, "req/s", 6000.0, "≥ 0.5 × reference", false));
        report.figure(new Figure("S1", "start-up", 6.5, "s", null, "≤ 8 s", true));

        String summary = report.summary();

        assertThat(summary).contains("| W1 | throughput, 16 clients | 1,500 req/s | 6,000 req/s | 0.25 | ≥ 0.5 × reference | **miss** |");
        assertThat(summary).contains("| S1 | start-up | 6.50 s | — | — | ≤ 8 s | pass |");
    }

    @Test
    void aPlotIsAPngOfTheChartWithItsTitleAxesAndSeriesLinkedFromTheReport(@TempDir Path folder) throws Exception {
        LineChart plot = new LineChart("W1 throughput vs clients", "clients", "per second", true)
                .point("ESKIT req/s", 1, 100).point("ESKIT req/s", 16, 900)
                .point("pgbench tx/s", 1, 2000).point("pgbench tx/s", 16, 6000);
        Report report = new Report();

        report.plot(folder, "w1-throughput.png", plot);
        report.write(folder, "run");

        // a bitmap holds no text, so the titles and names are checked on the chart XChart draws
        XYChart chart = plot.chart();
        assertThat(chart.getTitle()).isEqualTo("W1 throughput vs clients");
        assertThat(chart.getXAxisTitle()).isEqualTo("clients");
        assertThat(chart.getYAxisTitle()).isEqualTo("per second");
        assertThat(chart.getStyler().isXAxisLogarithmic()).isTrue();
        assertThat(chart.getSeriesMap()).containsOnlyKeys("ESKIT req/s", "pgbench tx/s");
        assertThat(chart.getSeriesMap().get("pgbench tx/s").getYData()).containsExactly(2000, 6000);
        BufferedImage image = ImageIO.read(folder.resolve("w1-throughput.png").toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(Files.readString(folder.resolve("report.md"))).contains("![w1-throughput.png](w1-throughput.png)");
    }
}

package dev.eskit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.bench.Report.Figure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

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
    void aPlotIsWellFormedSvgWithALinePerSeries() throws Exception {
        Svg svg = new Svg("W1 <throughput>", "clients", "per second", true)
                .point("ESKIT", 1, 100).point("ESKIT", 16, 900)
                .point("pgbench", 1, 2000).point("pgbench", 16, 6000);

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.render().getBytes(StandardCharsets.UTF_8)));

        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(4);
    }
}

package dev.eskit.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * A line chart with numeric x and one line per series, drawn by XChart and written as PNG: XChart's
 * SVG draws every letter as an outline, ten times the size of the PNG, for files kept in git.
 */
final class LineChart {

    static {
        // drawing asks AWT for the local graphics environment, which connects to any X server DISPLAY names
        System.setProperty("java.awt.headless", "true");
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    // the callers produce rows, not columns: points collect per series, in the order the series were first named
    private final Map<String, List<double[]>> series = new LinkedHashMap<>();

    LineChart(String title, String xLabel, String yLabel, boolean logX) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
    }

    LineChart point(String name, double x, double y) {
        series.computeIfAbsent(name, key -> new ArrayList<>()).add(new double[] {x, y});
        return this;
    }

    XYChart chart() {
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setXAxisLogarithmic(logX);
        // from zero, so that the series' heights compare as ratios
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        series.forEach((name, points) -> chart.addSeries(name,
                points.stream().mapToDouble(point -> point[0]).toArray(),
                points.stream().mapToDouble(point -> point[1]).toArray()));
        return chart;
    }

    void write(Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart(), file.toString(), BitmapFormat.PNG);
    }
}

package dev.eskit.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small line chart as SVG: numeric x, one polyline per series, axes with a few ticks. */
final class Svg {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final Map<String, List<double[]>> series = new LinkedHashMap<>();

    Svg(String title, String xLabel, String yLabel, boolean logX) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
    }

    Svg point(String name, double x, double y) {
        series.computeIfAbsent(name, key -> new ArrayList<>()).add(new double[] {x, y});
        return this;
    }

    String render() {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = 0;
        for (List<double[]> points : series.values()) {
            for (double[] point : points) {
                minX = Math.min(minX, x(point[0]));
                maxX = Math.max(maxX, x(point[0]));
                maxY = Math.max(maxY, point[1]);
            }
        }
        maxY = maxY <= 0 ? 1 : maxY * 1.1;
        double spanX = maxX > minX ? maxX - minX : 1;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", WIDTH, HEIGHT, LEFT, escape(title)));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, TOP, LEFT, TOP + plotHeight));
        for (int tick = 0; tick <= 4; tick++) {
            double value = maxY * tick / 4;
            int y = TOP + plotHeight - plotHeight * tick / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n"
                    + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    LEFT - 6, y + 4, number(value), LEFT, y, LEFT + plotWidth, y));
        }
        List<Double> xs = series.values().stream().flatMap(List::stream).map(point -> point[0]).distinct().sorted().toList();
        for (double value : xs) {
            double px = LEFT + (x(value) - minX) / spanX * plotWidth;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    px, TOP + plotHeight + 16, number(value)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 12, escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">%s</text>%n",
                TOP + plotHeight / 2, TOP + plotHeight / 2, escape(yLabel)));
        int index = 0;
        for (Map.Entry<String, List<double[]>> line : series.entrySet()) {
            String color = COLORS[index % COLORS.length];
            StringBuilder points = new StringBuilder();
            for (double[] point : line.getValue()) {
                double px = LEFT + (x(point[0]) - minX) / spanX * plotWidth;
                double py = TOP + plotHeight - point[1] / maxY * plotHeight;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py, color));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().trim(), color));
            int legendY = TOP + 10 + index * 18;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotWidth + 12, legendY, color,
                    LEFT + plotWidth + 30, legendY + 5, escape(line.getKey())));
            index++;
        }
        return svg.append("</svg>\n").toString();
    }

    private double x(double value) {
        return logX ? Math.log10(value) : value;
    }

    private static String number(double value) {
        if (value >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1000);
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package io.liqaudit.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Charts as inline SVG, drawn on the server: no script, printable, with a title and axis labels
 * (each page puts the same numbers in a table beside the chart for screen readers). Only
 * presentation attributes, no style attributes, so the page's Content-Security-Policy holds.
 */
public final class SvgCharts {

    /** One bar or point: its label on the x axis and its value. */
    public record Point(String label, BigDecimal value) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 260;
    private static final int LEFT = 70;
    private static final int BOTTOM = 40;
    private static final int TOP = 30;

    private SvgCharts() {
    }

    /** The drawing area shared by every chart: the largest value and each point's horizontal slot. */
    private record Plot(BigDecimal max, int height, int slot) {
        static Plot of(List<Point> points) {
            BigDecimal max = niceCeiling(points.stream().map(Point::value).reduce(BigDecimal.ZERO, BigDecimal::max));
            return new Plot(max, HEIGHT - TOP - BOTTOM, Math.max(1, (WIDTH - LEFT - 10) / points.size()));
        }
    }

    /** Ticks on the value axis besides zero: the axis maximum is a readable number and so is every tick. */
    static final int TICKS = 4;

    /**
     * The smallest readable axis maximum at or above {@code max}: 1, 2, 4, 6 or 8 times a power of
     * ten, so that its {@link #TICKS} quarter steps are readable too (0.25, 0.5, 1, 1.5, 2 times it).
     */
    static BigDecimal niceCeiling(BigDecimal max) {
        if (max.signum() <= 0) {
            return BigDecimal.ONE;
        }
        int exponent = max.precision() - max.scale() - 1; // max = m × 10^exponent, 1 ≤ m < 10
        for (int e = exponent; ; e++) {
            for (String m : new String[] {"1", "2", "4", "6", "8"}) {
                BigDecimal candidate = new BigDecimal(m).scaleByPowerOfTen(e);
                if (candidate.compareTo(max) >= 0) {
                    return candidate.stripTrailingZeros();
                }
            }
        }
    }

    /** How many points apart x-axis labels must be so that none overlaps the next (11 px text, about 6.6 px a character). */
    static int labelEvery(List<Point> points, int slot) {
        int longest = points.stream().mapToInt(p -> p.label().length()).max().orElse(1);
        int width = (int) Math.ceil(longest * 6.6) + 10;
        return Math.max(1, (int) Math.ceil(width / (double) slot));
    }

    public static String bars(String title, String xLabel, String yLabel, List<Point> points) {
        return chart(title, xLabel, yLabel, points, (svg, plot) -> {
            int slot = plot.slot();
            for (int i = 0; i < points.size(); i++) {
                int h = scale(points.get(i).value(), plot.max(), plot.height());
                int x = LEFT + i * slot + Math.max(1, slot / 8);
                svg.append("<rect x=\"").append(x).append("\" y=\"").append(HEIGHT - BOTTOM - h).append("\" width=\"")
                        .append(Math.max(1, slot - Math.max(2, slot / 4))).append("\" height=\"").append(h)
                        .append("\" fill=\"#0b5cad\"><title>").append(escape(points.get(i).label())).append(": ")
                        .append(points.get(i).value().toPlainString()).append("</title></rect>");
            }
        });
    }

    public static String line(String title, String xLabel, String yLabel, List<Point> points) {
        return chart(title, xLabel, yLabel, points, (svg, plot) -> {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                int x = LEFT + i * plot.slot() + plot.slot() / 2;
                int y = HEIGHT - BOTTOM - scale(points.get(i).value().max(BigDecimal.ZERO), plot.max(), plot.height());
                path.append(i == 0 ? "" : " ").append(x).append(',').append(y);
            }
            svg.append("<polyline fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"2\" points=\"").append(path).append("\"/>");
        });
    }

    /** Frame, axes and labels around the marks that {@code marks} draws; a plain "No data" when there are no points. */
    private static String chart(String title, String xLabel, String yLabel, List<Point> points,
            java.util.function.BiConsumer<StringBuilder, Plot> marks) {
        StringBuilder svg = frame(title, xLabel, yLabel);
        if (points.isEmpty()) {
            return svg.append(text(WIDTH / 2, HEIGHT / 2, "middle", "No data")).append("</svg>").toString();
        }
        Plot plot = Plot.of(points);
        gridlines(svg, plot.max());
        marks.accept(svg, plot);
        axisLabels(svg, points, plot.slot());
        return svg.append("</svg>").toString();
    }

    private static StringBuilder frame(String title, String xLabel, String yLabel) {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-labelledby=\"t\"><title>").append(escape(title))
                .append("</title>");
        svg.append(text(WIDTH / 2, 18, "middle", title));
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"").append(WIDTH - 10)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#5b6470\"/>");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT).append("\" y2=\"")
                .append(HEIGHT - BOTTOM).append("\" stroke=\"#5b6470\"/>");
        svg.append(text(WIDTH / 2, HEIGHT - 4, "middle", xLabel));
        svg.append("<text x=\"14\" y=\"").append(HEIGHT / 2).append("\" text-anchor=\"middle\" font-size=\"12\" "
                + "transform=\"rotate(-90 14 ").append(HEIGHT / 2).append(")\">").append(escape(yLabel)).append("</text>");
        return svg;
    }

    private static void axisLabels(StringBuilder svg, List<Point> points, int slot) {
        int every = labelEvery(points, slot);
        for (int i = 0; i < points.size(); i += every) {
            svg.append(text(LEFT + i * slot + slot / 2, HEIGHT - BOTTOM + 16, "middle", points.get(i).label()));
        }
    }

    /** Light horizontal lines at each tick, labelled, behind the marks. */
    private static void gridlines(StringBuilder svg, BigDecimal max) {
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (int t = 1; t <= TICKS; t++) {
            BigDecimal value = max.multiply(BigDecimal.valueOf(t)).divide(BigDecimal.valueOf(TICKS));
            int y = HEIGHT - BOTTOM - plotHeight * t / TICKS;
            svg.append("<line x1=\"").append(LEFT - 3).append("\" y1=\"").append(y).append("\" x2=\"").append(WIDTH - 10)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#e3e6ea\"/>");
            svg.append(text(LEFT - 6, y + 4, "end", Formats.compact(value)));
        }
        // Zero sits on the axis, above the date labels under it (which may reach left of the axis).
        svg.append(text(LEFT - 6, HEIGHT - BOTTOM, "end", "0"));
    }

    private static int scale(BigDecimal value, BigDecimal max, int pixels) {
        if (max.signum() <= 0 || value.signum() <= 0) {
            return 0;
        }
        // Pixels are the one place a quotient is rounded for display only.
        return value.multiply(BigDecimal.valueOf(pixels)).divide(max, 0, RoundingMode.HALF_UP).intValue();
    }

    private static String text(int x, int y, String anchor, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"11\">" + escape(content) + "</text>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

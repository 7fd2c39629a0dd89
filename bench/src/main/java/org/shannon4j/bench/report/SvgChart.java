package org.shannon4j.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A log–log line chart as a self-contained SVG string: a marker per point, vertical error bars, lines only
 * between sizes measured close together (within a factor {@value #MAX_JOINED_RATIO}: a line across an
 * unmeasured stretch would draw a curve nobody measured), decade grid lines, a legend, and a caption naming
 * the machine, JDK and commit. An error bar whose interval reaches zero or below cannot be drawn on a log axis:
 * it is drawn down to the axis and ends in an open triangle there, instead of being left out. Written by hand because a charting library would be the largest
 * dependency of the benchmark jar for one kind of chart; output depends only on the input (no dates, no random
 * ids), so charts can be committed and diffed.
 */
final class SvgChart {

    /** One point; {@code lo}/{@code hi} are the error bar ends (equal to {@code y} when there is none). */
    record Point(double x, double y, double lo, double hi) {
    }

    /** One line. */
    record Series(String name, String color, boolean dashed, List<Point> points) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 416;
    /** Consecutive points of a series are joined only when their sizes differ by at most this factor. */
    static final double MAX_JOINED_RATIO = 16;
    private static final int LEFT = 72;
    private static final int RIGHT = 20;
    private static final int TOP = 62;
    /** Gap between the frame and the first/last decade, so edge points and error bars are not cut by the frame. */
    private static final int INSET = 14;
    private static final int BOTTOM = 72;

    /** Colour-blind-safe colours (Okabe–Ito) for backends, in order; the roofline is drawn grey and dashed. */
    static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9");
    static final String ROOFLINE_COLOR = "#666666";

    private SvgChart() {
    }

    static String render(String title, String xLabel, String yLabel, List<Series> series) {
        return render(title, "", xLabel, yLabel, series);
    }

    /** As above, with a caption line under the x axis (machine, JDK, commit); empty for none. */
    static String render(String title, String caption, String xLabel, String yLabel, List<Series> series) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (Point p : s.points()) {
                if (!(p.x() > 0 && p.y() > 0)) {
                    continue;
                }
                xMin = Math.min(xMin, p.x());
                xMax = Math.max(xMax, p.x());
                yMin = Math.min(yMin, p.lo() > 0 ? p.lo() : p.y());
                yMax = Math.max(yMax, p.hi());
            }
        }
        if (xMin > xMax) { // nothing to plot
            xMin = 1;
            xMax = 10;
            yMin = 1;
            yMax = 10;
        }
        // Whole decades on both axes, at least one wide, with half a decade of air on x around single sizes.
        double lx0 = Math.floor(Math.log10(xMin) - (xMin == xMax ? 0.5 : 0.0));
        double lx1 = Math.ceil(Math.log10(xMax) + (xMin == xMax ? 0.5 : 0.0));
        if (lx1 - lx0 < 1) {
            lx1 = lx0 + 1;
        }
        double ly0 = Math.floor(Math.log10(yMin));
        double ly1 = Math.ceil(Math.log10(yMax));
        if (ly1 - ly0 < 1) {
            ly1 = ly0 + 1;
        }
        Axis x = new Axis(lx0, lx1, LEFT + INSET, WIDTH - RIGHT - INSET);
        Axis y = new Axis(ly0, ly1, HEIGHT - BOTTOM - INSET / 2.0, TOP + INSET / 2.0);

        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        b.append(String.format(Locale.ROOT, "<title>%s</title>%n", esc(title)));
        b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", WIDTH, HEIGHT));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT, esc(title)));

        // Grid: decades solid-light, 2 and 5 within a decade fainter and labelled only when few decades are shown.
        boolean minorLabelsY = ly1 - ly0 <= 2;
        for (int d = (int) lx0; d <= (int) lx1; d++) {
            double px = x.map(d);
            if (d < (int) lx1 && lx1 - lx0 <= 3) {
                for (int m : new int[] {2, 5}) {
                    double pm = x.map(d + Math.log10(m));
                    b.append(line(pm, TOP, pm, HEIGHT - BOTTOM, "#f0f0f0", 1));
                }
            }
            b.append(line(px, TOP, px, HEIGHT - BOTTOM, "#dddddd", 1));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    px, HEIGHT - BOTTOM + 18, powerOfTen(d)));
        }
        for (int d = (int) ly0; d <= (int) ly1; d++) {
            double py = y.map(d);
            b.append(line(LEFT, py, WIDTH - RIGHT, py, "#dddddd", 1));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, py + 4, number(Math.pow(10, d))));
            if (d < (int) ly1) {
                for (int m : new int[] {2, 5}) {
                    double pm = y.map(d + Math.log10(m));
                    b.append(line(LEFT, pm, WIDTH - RIGHT, pm, "#f0f0f0", 1));
                    if (minorLabelsY) {
                        b.append(String.format(Locale.ROOT,
                                "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#777777\">%s</text>%n",
                                LEFT - 6, pm + 4, number(m * Math.pow(10, d))));
                    }
                }
            }
        }
        b.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444444\"/>%n",
                LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (x.lo + x.hi) / 2, HEIGHT - BOTTOM + 36, esc(xLabel)));
        if (!caption.isEmpty()) {
            b.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555555\">%s</text>%n", 8, HEIGHT - 8,
                    esc(caption)));
        }
        b.append(String.format(Locale.ROOT,
                "<text transform=\"translate(18 %.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                (y.lo + y.hi) / 2, esc(yLabel)));

        for (Series s : series) {
            List<Point> pts = s.points().stream().filter(p -> p.x() > 0 && p.y() > 0).toList();
            if (pts.isEmpty()) {
                continue;
            }
            for (List<Point> run : joinedRuns(pts)) {
                StringBuilder path = new StringBuilder();
                for (Point p : run) {
                    path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.map(Math.log10(p.x())), y.map(Math.log10(p.y()))));
                }
                b.append(String.format(Locale.ROOT,
                        "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                        path.toString().strip(), s.color(), s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            }
            double axisBottom = y.map(ly0);
            for (Point p : pts) {
                double px = x.map(Math.log10(p.x()));
                if (p.hi() > p.lo()) {
                    double pHi = y.map(Math.log10(p.hi()));
                    b.append(line(px - 4, pHi, px + 4, pHi, s.color(), 1.5));
                    if (p.lo() > 0) {
                        double pLo = y.map(Math.log10(p.lo()));
                        b.append(line(px, pLo, px, pHi, s.color(), 1.5));
                        b.append(line(px - 4, pLo, px + 4, pLo, s.color(), 1.5));
                    } else {
                        // The interval reaches zero: no end on a log axis. Down to the axis, open triangle there.
                        b.append(line(px, axisBottom - 7, px, pHi, s.color(), 1.5));
                        b.append(String.format(Locale.ROOT,
                                "<path class=\"clipped\" d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f Z\" fill=\"#ffffff\" "
                                        + "stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                                px - 5, axisBottom - 7, px + 5, axisBottom - 7, px, axisBottom, s.color()));
                    }
                }
                b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n",
                        px, y.map(Math.log10(p.y())), s.color()));
            }
        }

        // Legend: one row between the title and the plot, so it never hides data.
        int lx = LEFT;
        int cy = TOP - 16;
        for (Series s : series) {
            b.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    lx, cy, lx + 28, cy, s.color(), s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            b.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"%s\"/>%n", lx + 14, cy, s.color()));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", lx + 34, cy + 4, esc(s.name())));
            lx += 34 + 7 * s.name().length() + 22;
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /** The stretches of {@code pts} (sorted by x) whose neighbours are within {@link #MAX_JOINED_RATIO}. */
    static List<List<Point>> joinedRuns(List<Point> pts) {
        List<List<Point>> runs = new ArrayList<>();
        List<Point> run = new ArrayList<>();
        for (Point p : pts) {
            if (!run.isEmpty() && p.x() > run.getLast().x() * MAX_JOINED_RATIO) {
                if (run.size() > 1) {
                    runs.add(run);
                }
                run = new ArrayList<>();
            }
            run.add(p);
        }
        if (run.size() > 1) {
            runs.add(run);
        }
        return runs;
    }

    /** Maps log10 values in [l0, l1] linearly to pixels [lo, hi]. */
    private record Axis(double l0, double l1, double lo, double hi) {
        double map(double l) {
            return lo + (l - l0) / (l1 - l0) * (hi - lo);
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String color, double width) {
        return String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
                x1, y1, x2, y2, color, width == Math.rint(width) ? String.valueOf((int) width) : String.valueOf(width));
    }

    /** 10^d as "1e3"-style text for the size axis (1, 10 and 100 written out). */
    private static String powerOfTen(int d) {
        return d >= 0 && d <= 2 ? String.valueOf((int) Math.pow(10, d)) : "1e" + d;
    }

    /** Axis numbers without trailing zeros: 0.01, 0.2, 5, 100, 1e4. */
    static String number(double v) {
        if (v >= 1e4 || v < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Convenience for callers building series point by point. */
    static List<Point> points() {
        return new ArrayList<>();
    }
}

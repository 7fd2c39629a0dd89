package org.shannon4j.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.shannon4j.Shannon;
import org.shannon4j.bench.Distributions;
import org.shannon4j.conformance.ExactReference;

/**
 * The accuracy half of the backend comparison: on the benchmark's own inputs ({@link Distributions}, several
 * seeds per size), each measure's relative error on every backend against the double-double
 * {@link ExactReference} of the same (float or double) input, and against the other backend (scalar is compared
 * with the first non-scalar backend, the others with scalar). Summarised as max and median over the samples and
 * written to {@value #FILE_NAME} next to the JMH results.
 *
 * <p>The reference is slow (a double-double logarithm per element, about 10⁶ elements per second), so sizes above
 * {@link #MAX_SIZE} are left out; the relative error of these one-pass sums does not depend much on n.
 */
public final class Accuracy {

    public static final String FILE_NAME = "accuracy.csv";
    static final String HEADER = "measure,type,backend,samples,max_vs_exact,median_vs_exact,other,max_vs_other,median_vs_other";
    static final long MAX_SIZE = 1_000_000L;
    static final List<String> MEASURES = List.of("entropy", "crossEntropy", "klDivergence", "jsDivergence");

    /** One summary line. */
    public record Row(String measure, String type, String backend, int samples, double maxVsExact,
                      double medianVsExact, String other, double maxVsOther, double medianVsOther) {
    }

    private Accuracy() {
    }

    /** Seeds per size: many small samples, few large ones. */
    static int samplesFor(long n) {
        return n <= 10_000 ? 16 : n <= 100_000 ? 4 : 1;
    }

    /** Measures every backend on every size ≤ {@link #MAX_SIZE} (the smallest given size if none is). */
    public static List<Row> measure(List<String> backends, List<Long> sizes, List<String> types, PrintStream log) {
        List<Long> used = sizes.stream().filter(n -> n <= MAX_SIZE).toList();
        if (used.isEmpty()) {
            used = List.of(MAX_SIZE);
        }
        Map<String, Shannon> handles = new LinkedHashMap<>();
        backends.forEach(b -> handles.put(b, Shannon.get(b)));
        // key measure/type/backend -> relative errors against exact and against the other backend
        Map<String, List<Double>> vsExact = new LinkedHashMap<>();
        Map<String, List<Double>> vsOther = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (long n : used) {
            for (int k = 0; k < samplesFor(n); k++) {
                Distributions.DoublePair d = Distributions.doublePair((int) n, Distributions.DEFAULT_SEED + k);
                Distributions.FloatPair f = types.contains("float") ? d.toFloat() : null;
                for (String type : types) {
                    for (String m : MEASURES) {
                        double exact = type.equals("float") ? exact(m, f) : exact(m, d);
                        Map<String, Double> values = new LinkedHashMap<>();
                        handles.forEach((b, s) -> values.put(b, type.equals("float") ? value(s, m, f) : value(s, m, d)));
                        for (String b : backends) {
                            String key = m + "," + type + "," + b;
                            vsExact.computeIfAbsent(key, x -> new ArrayList<>()).add(relative(values.get(b), exact));
                            String other = otherOf(b, backends);
                            if (other != null) {
                                vsOther.computeIfAbsent(key, x -> new ArrayList<>()).add(relative(values.get(b), values.get(other)));
                            }
                        }
                    }
                }
            }
        }
        log.printf(Locale.ROOT, "accuracy: %s at n = %s against the double-double reference (%.1f s)%n", backends, used,
                (System.nanoTime() - t0) * 1e-9);
        List<Row> rows = new ArrayList<>();
        for (String m : MEASURES) {
            for (String type : types) {
                for (String b : backends) {
                    String key = m + "," + type + "," + b;
                    double[] e = vsExact.get(key).stream().mapToDouble(Double::doubleValue).toArray();
                    double[] o = vsOther.containsKey(key)
                            ? vsOther.get(key).stream().mapToDouble(Double::doubleValue).toArray() : new double[0];
                    String other = otherOf(b, backends);
                    rows.add(new Row(m, type, b, e.length, max(e), median(e), other == null ? "" : other, max(o), median(o)));
                }
            }
        }
        return rows;
    }

    static String otherOf(String backend, List<String> backends) {
        if (!backend.equals(ReportWriter.SCALAR)) {
            return backends.contains(ReportWriter.SCALAR) ? ReportWriter.SCALAR : null;
        }
        return backends.stream().filter(b -> !b.equals(backend)).findFirst().orElse(null);
    }

    static double relative(double a, double b) {
        return a == b ? 0 : Math.abs(a - b) / Math.abs(b);
    }

    static double max(double[] a) {
        return a.length == 0 ? Double.NaN : Arrays.stream(a).max().getAsDouble();
    }

    static double median(double[] a) {
        if (a.length == 0) {
            return Double.NaN;
        }
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double exact(String m, Distributions.DoublePair d) {
        int n = d.length();
        return switch (m) {
            case "entropy" -> ExactReference.entropy(d.p(), 0, n).value();
            case "crossEntropy" -> ExactReference.crossEntropy(d.p(), 0, d.q(), 0, n).value();
            case "klDivergence" -> ExactReference.klDivergence(d.p(), 0, d.q(), 0, n).value();
            case "jsDivergence" -> ExactReference.jsDivergence(d.p(), 0, d.q(), 0, n).value();
            default -> throw new IllegalArgumentException(m);
        };
    }

    private static double exact(String m, Distributions.FloatPair f) {
        int n = f.length();
        return switch (m) {
            case "entropy" -> ExactReference.entropy(f.p(), 0, n).value();
            case "crossEntropy" -> ExactReference.crossEntropy(f.p(), 0, f.q(), 0, n).value();
            case "klDivergence" -> ExactReference.klDivergence(f.p(), 0, f.q(), 0, n).value();
            case "jsDivergence" -> ExactReference.jsDivergence(f.p(), 0, f.q(), 0, n).value();
            default -> throw new IllegalArgumentException(m);
        };
    }

    private static double value(Shannon s, String m, Distributions.DoublePair d) {
        return switch (m) {
            case "entropy" -> s.entropy(d.p());
            case "crossEntropy" -> s.crossEntropy(d.p(), d.q());
            case "klDivergence" -> s.klDivergence(d.p(), d.q());
            case "jsDivergence" -> s.jsDivergence(d.p(), d.q());
            default -> throw new IllegalArgumentException(m);
        };
    }

    private static double value(Shannon s, String m, Distributions.FloatPair f) {
        return switch (m) {
            case "entropy" -> s.entropy(f.p());
            case "crossEntropy" -> s.crossEntropy(f.p(), f.q());
            case "klDivergence" -> s.klDivergence(f.p(), f.q());
            case "jsDivergence" -> s.jsDivergence(f.p(), f.q());
            default -> throw new IllegalArgumentException(m);
        };
    }

    /** Writes the rows as CSV (fixed column order, values in %.3e), so the file diffs cleanly. */
    public static void write(List<Row> rows, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row r : rows) {
            lines.add(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%s,%s,%s,%s", r.measure(), r.type(), r.backend(),
                    r.samples(), num(r.maxVsExact()), num(r.medianVsExact()), r.other(), num(r.maxVsOther()),
                    num(r.medianVsOther())));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : v == 0 ? "0" : String.format(Locale.ROOT, "%.3e", v);
    }

    /** Reads what {@link #write} wrote. */
    public static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("measure,")) {
                continue;
            }
            String[] c = line.split(",", -1);
            rows.add(new Row(c[0], c[1], c[2], Integer.parseInt(c[3]), parse(c[4]), parse(c[5]), c[6], parse(c[7]),
                    parse(c[8])));
        }
        return rows;
    }

    private static double parse(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}

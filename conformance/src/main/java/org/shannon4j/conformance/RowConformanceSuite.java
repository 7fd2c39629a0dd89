package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;
import org.shannon4j.loss.KlDivReduction;
import org.shannon4j.rows.RowMeasures;
import org.shannon4j.spi.RowMath;

/**
 * The per-row measures ({@link RowMeasures}) and {@code kl_div} ({@link org.shannon4j.loss.Losses#klDiv}) on every
 * backend: golden values ({@code golden/rows.tsv}, from {@code conformance/tools/generate_golden_rows.py}: exact
 * values by mpmath checked against scipy, kl_div from torch 1.13 itself), random shapes that cross the SIMD block
 * boundaries (rows around 64, classes around the lane counts and the small-class limit of 32) against the
 * reference loops, the same bits on every call, and bad input.
 *
 * <h2>Tolerances</h2>
 * Entropy: {@value #RELATIVE}·(|e| + |ln S| + |T|/S) + 2·ulp(S)/S, S the row sum and T = Σ p·ln p — the
 * one-pass normalised form ln S − T/S (the distribution measures') carries the rounding of S as an absolute
 * error of ln S, which only shows for a near-one-hot row (H ≈ 1e-22 there, off by about 1e-24). KL and JS terms cancel when
 * p ≈ q, so their bound is absolute: {@value #RELATIVE}·(Σ|term| + |e|) + {@value #FLOOR}, Σ|term| over the
 * normalised row (Σ p·|ln(p/q)|, resp. Σ a·|ln(a/m)| + b·|ln(b/m)| halved). Infinite values must match exactly.
 * kl_div: each term is one log and a product (torch's float64 to a few ulp), summed with compensation:
 * {@value #RELATIVE}·Σ|term| + {@value #FLOOR}; float terms of NONE to float rounding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RowConformanceSuite {

    public static final String RESOURCE = "/org/shannon4j/conformance/golden/rows.tsv";
    static final double RELATIVE = 1e-13;
    static final double FLOOR = 1e-15;

    protected Stream<Shannon> backends() {
        return ConformanceBackends.supported();
    }

    /** One fixture line. */
    public record RowCase(String name, String measure, boolean float32, int rows, int classes, String option,
                          double[] p, double[] q, double[] expected, int line) {
        @Override
        public String toString() {
            return name + " " + measure;
        }
    }

    private List<RowCase> cases;

    synchronized List<RowCase> cases() {
        if (cases == null) {
            cases = load();
        }
        return cases;
    }

    static List<RowCase> load() {
        List<RowCase> all = new ArrayList<>();
        try (InputStream in = RowConformanceSuite.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not on the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                all.add(new RowCase(f[0], f[1], f[2].equals("float"), Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]), f[5], numbers(f[6]), f[7].equals("-") ? null : numbers(f[7]),
                        numbers(f[8]), n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static double[] numbers(String s) {
        String[] parts = s.split(",");
        double[] a = new double[parts.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Double.parseDouble(parts[i]);
        }
        return a;
    }

    static float[] floats(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    Stream<Arguments> golden() {
        List<RowCase> all = cases();
        return backends().flatMap(b -> all.stream().map(c -> Arguments.of(Named.of(b.backendName(), b),
                Named.of(c.toString(), c))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("golden")
    void matchesGoldenValue(Shannon backend, RowCase c) {
        String where = backend.backendName() + ": " + c.name() + " " + c.measure() + " (line " + c.line() + ")";
        if (c.measure().equals("kl_div")) {
            String[] o = c.option().split("/");
            KlDivReduction red = KlDivReduction.valueOf(o[0].toUpperCase(java.util.Locale.ROOT));
            boolean logTarget = Boolean.parseBoolean(o[1]);
            int n = c.rows() * c.classes();
            double absSum = 0;
            double[] terms = new double[n];
            for (int i = 0; i < n; i++) {
                terms[i] = RowMath.klDivTerm(c.p()[i], c.q()[i], logTarget);
                absSum += Math.abs(terms[i]);
            }
            double bound = RELATIVE * absSum + FLOOR;
            if (c.float32()) {
                float[] out = red == KlDivReduction.NONE ? new float[n] : null;
                double v = backend.losses().klDiv(floats(c.p()), 0, floats(c.q()), 0, c.rows(), c.classes(), red,
                        logTarget, out, 0);
                if (out != null) {
                    for (int i = 0; i < n; i++) {
                        assertClose(where + " term " + i, c.expected()[i], out[i],
                                Math.abs(c.expected()[i]) * 0x1p-23 + FLOOR);
                    }
                } else {
                    assertClose(where, c.expected()[0], v, bound);
                }
            } else {
                double[] out = red == KlDivReduction.NONE ? new double[n] : null;
                double v = backend.losses().klDiv(c.p(), 0, c.q(), 0, c.rows(), c.classes(), red, logTarget, out, 0);
                if (out != null) {
                    for (int i = 0; i < n; i++) {
                        assertClose(where + " term " + i, c.expected()[i], out[i],
                                RELATIVE * Math.abs(terms[i]) + FLOOR);
                    }
                } else {
                    assertClose(where, c.expected()[0], v, bound);
                }
            }
            return;
        }
        Shannon s = backend.withUnit(c.option().equals("2") ? InfoUnit.BITS : InfoUnit.NATS)
                .withNormalization(Normalization.NORMALIZE);
        double[] got = measure(s.rows(), c.measure(), c.float32(), c.p(), c.q(), c.rows(), c.classes());
        double unitScale = c.option().equals("2") ? 1 / Math.log(2) : 1;
        for (int r = 0; r < c.rows(); r++) {
            assertClose(where + " row " + r, c.expected()[r], got[r],
                    bound(c.measure(), c.p(), c.q(), r * c.classes(), c.classes(), c.expected()[r]) * unitScale);
        }
    }

    static double[] measure(RowMeasures m, String measure, boolean float32, double[] p, double[] q, int rows,
                            int classes) {
        return switch (measure) {
            case "entropy" -> float32 ? m.entropy(floats(p), rows, classes) : m.entropy(p, rows, classes);
            case "kl" -> float32 ? m.klDivergence(floats(p), floats(q), rows, classes)
                    : m.klDivergence(p, q, rows, classes);
            case "js" -> float32 ? m.jsDivergence(floats(p), floats(q), rows, classes)
                    : m.jsDivergence(p, q, rows, classes);
            default -> throw new IllegalArgumentException(measure);
        };
    }

    /**
     * The bound of the class comment for the row at base (in nats), p and q as given (normalised here).
     *
     * @param measure "entropy", "kl" or "js"
     * @param p the first matrix
     * @param q the second matrix (null for the entropy)
     * @param base index of the row's first element
     * @param classes the row length
     * @param expected the expected value, nats
     * @return the largest allowed |actual − expected|, nats
     */
    public static double bound(String measure, double[] p, double[] q, int base, int classes, double expected) {
        double sp = 0, sq = 0, t = 0;
        for (int c = 0; c < classes; c++) {
            double x = p[base + c];
            sp += x;
            t += x > 0 ? x * Math.log(x) : 0;
            sq += q == null ? 0 : q[base + c];
        }
        if (measure.equals("entropy")) {
            return RELATIVE * (Math.abs(expected) + Math.abs(Math.log(sp)) + Math.abs(t) / sp)
                    + 2 * Math.ulp(sp) / sp;
        }
        double abs = 0;
        if (measure.equals("kl")) {
            // KL is Σ p·ln(p/q)/Sp + ln(Sq/Sp) in the reference as in the kernels: its rounding scales with the
            // size of those two parts, which cancel where the rows are far from normalised at different scales
            // (a one-class row with p = 1e-30 and q near 1: −69 + 69), as the entropy's bound allows for ln S
            abs += Math.abs(Math.log(sq / sp));
            for (int c = 0; c < classes; c++) {
                double x = p[base + c], y = q[base + c];
                abs += x > 0 && y > 0 ? x * Math.abs(Math.log(x / y)) / sp : 0;
            }
        }
        for (int c = 0; c < classes; c++) {
            double a = p[base + c] / sp, b = q[base + c] / sq;
            if (measure.equals("kl")) {
                abs += a > 0 && b > 0 ? a * Math.abs(Math.log(a / b)) : 0;
            } else {
                double m = 0.5 * a + 0.5 * b;
                abs += 0.5 * ((a > 0 ? a * Math.abs(Math.log(a / m)) : 0) + (b > 0 ? b * Math.abs(Math.log(b / m)) : 0));
            }
        }
        return RELATIVE * (abs + Math.abs(expected)) + FLOOR;
    }

    static void assertClose(String where, double expected, double actual, double bound) {
        if (Double.isInfinite(expected) || Double.isNaN(expected)) {
            assertEquals(expected, actual, where);
            return;
        }
        assertTrue(Math.abs(actual - expected) <= bound,
                () -> where + ": expected " + expected + " got " + actual + " (diff " + Math.abs(actual - expected)
                        + " > " + bound + ")");
    }

    // ------------------------------------------------------------------------------------------ random shapes

    record Shape(int rows, int classes, boolean float32, boolean normalized, String kind) {
        @Override
        public String toString() {
            return rows + "x" + classes + (float32 ? " float " : " double ") + (normalized ? "" : "counts ") + kind;
        }
    }

    Stream<Arguments> shapes() {
        List<Shape> all = new ArrayList<>();
        for (int r : new int[] {1, 7, 63, 64, 65, 129, 200}) {
            for (int c : new int[] {1, 2, 3, 4, 8, 10, 16, 17, 31, 32, 33, 100}) {
                for (boolean f : new boolean[] {false, true}) {
                    all.add(new Shape(r, c, f, true, "dirichlet"));
                }
            }
        }
        for (String kind : List.of("zeros", "subnormal", "near", "onehot", "disjoint")) {
            for (int c : new int[] {3, 10, 16, 33}) {
                for (boolean f : new boolean[] {false, true}) {
                    all.add(new Shape(130, c, f, true, kind));
                }
            }
        }
        for (int c : new int[] {5, 10, 40, 1000, 5000}) {
            all.add(new Shape(150, c, false, false, "counts"));
            all.add(new Shape(150, c, true, false, "counts"));
        }
        // long rows: blocks of fewer rows (1000), one row in chunks of a block's elements (2049, 5000)
        for (int c : new int[] {1000, 2049, 5000}) {
            for (boolean f : new boolean[] {false, true}) {
                all.add(new Shape(9, c, f, true, "dirichlet"));
                all.add(new Shape(9, c, f, true, "zeros"));
                all.add(new Shape(9, c, f, true, "subnormal"));
            }
        }
        all.add(new Shape(100_000, 10, false, true, "dirichlet"));
        all.add(new Shape(100_000, 10, true, true, "dirichlet"));
        return backends().flatMap(b -> all.stream().map(sh -> Arguments.of(Named.of(b.backendName(), b),
                Named.of(sh.toString(), sh))));
    }

    /** Rows of the given kind, renormalised in the input precision unless they are counts. */
    static double[] matrix(SplittableRandom rnd, Shape sh, boolean second) {
        int n = sh.rows() * sh.classes();
        double[] m = new double[n];
        for (int r = 0; r < sh.rows(); r++) {
            int base = r * sh.classes();
            for (int c = 0; c < sh.classes(); c++) {
                double u = rnd.nextDouble();
                double v = switch (sh.kind()) {
                    case "zeros" -> u < 0.3 ? 0 : -Math.log(1 - rnd.nextDouble());
                    case "subnormal" -> u < 0.2 ? Double.MIN_VALUE * (1 + rnd.nextInt(1000)) : -Math.log(1 - rnd.nextDouble());
                    case "onehot" -> c == (r % sh.classes()) ? 1 : 0;
                    case "disjoint" -> ((c + r + (second ? 1 : 0)) % 2 == 0) ? 1 + u : 0;
                    case "counts" -> rnd.nextInt(20) + (c == 0 ? 1 : 0);
                    default -> Math.pow(-Math.log(1 - rnd.nextDouble()), 2.0);
                };
                m[base + c] = v;
            }
            if (sh.kind().equals("near") && second) {
                // q = p·(1 ± 1e-9): KL and JS cancel
                continue;
            }
            double s = 0;
            for (int c = 0; c < sh.classes(); c++) {
                s += m[base + c];
            }
            if (s == 0) {
                m[base] = 1;
                s = 1;
            }
            if (!sh.kind().equals("counts")) {
                for (int c = 0; c < sh.classes(); c++) {
                    m[base + c] = sh.float32() ? (float) (m[base + c] / s) : m[base + c] / s;
                }
            }
        }
        return m;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("shapes")
    void agreesWithReferenceAndRepeats(Shannon backend, Shape sh) {
        SplittableRandom rnd = new SplittableRandom(sh.hashCode());
        double[] p = matrix(rnd, sh, false);
        double[] q = matrix(rnd, sh, true);
        if (sh.kind().equals("near")) {
            for (int i = 0; i < q.length; i++) {
                q[i] = p[i] * (1 + 1e-9 * (rnd.nextDouble() - 0.5));
            }
        }
        if (sh.float32()) {
            p = toFloatValues(p);
            q = toFloatValues(q);
        }
        Normalization policy = sh.normalized() ? Normalization.REQUIRE : Normalization.NORMALIZE;
        if (sh.kind().equals("near") || sh.float32()) {
            policy = Normalization.NORMALIZE; // q·(1 ± 1e-9) and float rows renormalised in double are off 1
        }
        RowMeasures rows = backend.withNormalization(policy).rows();
        Shannon ref = ConformanceBackends.reference().withNormalization(Normalization.NORMALIZE);
        int offset = 3, outOffset = 5;
        for (String measure : List.of("entropy", "kl", "js")) {
            double[] out = new double[sh.rows() + outOffset + 2];
            double[] again = new double[out.length];
            run(rows, measure, sh.float32(), p, q, offset, sh.rows(), sh.classes(), out, outOffset);
            run(rows, measure, sh.float32(), p, q, offset, sh.rows(), sh.classes(), again, outOffset);
            assertArrayEquals(out, again, backend.backendName() + " " + measure + ": not the same bits twice");
            assertEquals(0.0, out[outOffset - 1]);
            assertEquals(0.0, out[outOffset + sh.rows()]);
            double[] expected = new double[out.length];
            run(ref.rows(), measure, sh.float32(), p, q, offset, sh.rows(), sh.classes(), expected, outOffset);
            for (int r = 0; r < sh.rows(); r++) {
                double e = expected[outOffset + r];
                assertClose(backend.backendName() + " " + measure + " " + sh + " row " + r, e, out[outOffset + r],
                        2 * bound(measure, p, q, r * sh.classes(), sh.classes(), e));
            }
            // the row's value is the distribution measure's on that row
            int r = sh.rows() / 2;
            double[] pr = java.util.Arrays.copyOfRange(p, r * sh.classes(), (r + 1) * sh.classes());
            double[] qr = java.util.Arrays.copyOfRange(q, r * sh.classes(), (r + 1) * sh.classes());
            double single = switch (measure) {
                case "entropy" -> ref.entropy(pr);
                case "kl" -> ref.klDivergence(pr, qr);
                default -> ref.jsDivergence(pr, qr);
            };
            assertClose(measure + " row " + r + " vs the distribution measure", single, out[outOffset + r],
                    4 * bound(measure, p, q, r * sh.classes(), sh.classes(), single));
        }
    }

    private static double[] toFloatValues(double[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = (float) a[i];
        }
        return d;
    }

    /** Runs measure on p and q placed at offset in larger arrays. */
    static void run(RowMeasures m, String measure, boolean float32, double[] p, double[] q, int offset, int rows,
                    int classes, double[] out, int outOffset) {
        int n = rows * classes;
        if (float32) {
            float[] pf = new float[n + offset + 1], qf = new float[n + offset + 2];
            for (int i = 0; i < n; i++) {
                pf[offset + i] = (float) p[i];
                qf[offset + 1 + i] = (float) q[i];
            }
            switch (measure) {
                case "entropy" -> m.entropy(pf, offset, rows, classes, out, outOffset);
                case "kl" -> m.klDivergence(pf, offset, qf, offset + 1, rows, classes, out, outOffset);
                default -> m.jsDivergence(pf, offset, qf, offset + 1, rows, classes, out, outOffset);
            }
        } else {
            double[] pd = new double[n + offset + 1], qd = new double[n + offset + 2];
            System.arraycopy(p, 0, pd, offset, n);
            System.arraycopy(q, 0, qd, offset + 1, n);
            switch (measure) {
                case "entropy" -> m.entropy(pd, offset, rows, classes, out, outOffset);
                case "kl" -> m.klDivergence(pd, offset, qd, offset + 1, rows, classes, out, outOffset);
                default -> m.jsDivergence(pd, offset, qd, offset + 1, rows, classes, out, outOffset);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ bad input

    Stream<Arguments> badCases() {
        List<Arguments> all = new ArrayList<>();
        backends().forEach(b -> {
            for (double bad : new double[] {-0.25, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                for (int classes : new int[] {3, 10, 33}) {
                    for (int row : new int[] {0, 63, 64, 99}) {
                        for (boolean f : new boolean[] {false, true}) {
                            for (String which : List.of("p", "q")) {
                                all.add(Arguments.of(Named.of(b.backendName(), b), bad, classes, row, f, which));
                            }
                        }
                    }
                }
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1} at row {3} of {2} classes float={4} in {5}")
    @MethodSource("badCases")
    void badEntryIsNamed(Shannon backend, double bad, int classes, int row, boolean float32, String which) {
        int rows = 100, col = (row * 7) % classes;
        Shape sh = new Shape(rows, classes, float32, true, "dirichlet");
        SplittableRandom rnd = new SplittableRandom(7);
        double[] p = matrix(rnd, sh, false), q = matrix(rnd, sh, true);
        (which.equals("p") ? p : q)[row * classes + col] = bad;
        RowMeasures m = backend.withNormalization(Normalization.NORMALIZE).rows();
        for (String measure : which.equals("p") ? List.of("entropy", "kl", "js") : List.of("kl", "js")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> measure(m, measure, float32, p, q, rows, classes));
            String shown = float32 ? Float.toString((float) bad) : Double.toString(bad);
            assertTrue(e.getMessage().startsWith(which + "[" + (row * classes + col) + "] = " + shown + " (row " + row
                    + ", column " + col + ")"), e.getMessage());
        }
    }

    Stream<Arguments> backendArgs() {
        return backends().map(b -> Arguments.of(Named.of(b.backendName(), b)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backendArgs")
    void rowSumsFollowThePolicy(Shannon backend) {
        int rows = 70, classes = 10;
        Shape sh = new Shape(rows, classes, false, true, "dirichlet");
        double[] p = matrix(new SplittableRandom(3), sh, false), q = matrix(new SplittableRandom(4), sh, true);
        p[66 * classes + 2] += 1e-6;
        RowMeasures strict = backend.rows();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> strict.entropy(p, rows, classes));
        assertTrue(e.getMessage().startsWith("row 66 of p sums to "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> strict.jsDivergence(q, p, rows, classes));
        assertTrue(e.getMessage().startsWith("row 66 of q sums to "), e.getMessage());
        RowMeasures lax = backend.withNormalization(Normalization.NORMALIZE).rows();
        double[] h = lax.entropy(p, rows, classes);
        assertTrue(h[66] > 0);
        // an all-zero row is an error under both policies
        double[] z = p.clone();
        java.util.Arrays.fill(z, 65 * classes, 66 * classes, 0.0);
        e = assertThrows(IllegalArgumentException.class, () -> lax.klDivergence(q, z, rows, classes));
        assertTrue(e.getMessage().startsWith("row 65 of q is all zeros"), e.getMessage());
        // shapes
        e = assertThrows(IllegalArgumentException.class, () -> lax.entropy(p, rows, classes + 1));
        assertTrue(e.getMessage().startsWith("p.length = 700 is not rows × classes = 70 × 11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lax.klDivergence(p, new double[699], rows, classes));
        assertTrue(e.getMessage().startsWith("q.length = 699"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lax.entropy(p, 0, rows, 0, new double[rows], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> lax.entropy(p, 1, rows, classes, new double[rows], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> lax.entropy(p, 0, rows, classes, new double[rows - 1], 0));
        assertEquals(0, lax.entropy(new double[0], 0, 4).length);
        // bits
        double[] bits = backend.withUnit(InfoUnit.BITS).withNormalization(Normalization.NORMALIZE).rows()
                .entropy(p, rows, classes);
        assertEquals(h[66] / Math.log(2), bits[66], 1e-14);
    }

    /**
     * With more threads a matrix of at least 2^18 elements is split into parts of whole rows: every row must have
     * the sequential bits for 2 and 3 threads, deterministic chunks, and an executor that never runs a task (the
     * caller does every part). Rows the vector path declines (zeros, subnormals) sit at and next to the part
     * starts of every split, so a part start that moved a vector group would change their neighbours' bits. Bad
     * input in a late part is named as in one call, and a row-sum error there is caught under REQUIRE.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backendArgs")
    void partsOfRowsGiveTheSequentialBits(Shannon backend) {
        java.util.concurrent.Executor dropsEveryTask = task -> { };
        List<Shannon> parallel = List.of(backend.withParallelism(2), backend.withParallelism(3),
                backend.withParallelism(2).withDeterministicParallelism(true),
                backend.withParallelism(4, dropsEveryTask));
        for (int classes : new int[] {3, 10, 33, 1000}) {
            int rows = (300_000 + classes - 1) / classes + 7; // ≥ 2^18 elements, rows not a multiple of 64
            Shape sh = new Shape(rows, classes, false, true, "dirichlet");
            SplittableRandom rnd = new SplittableRandom(classes);
            double[] p = matrix(rnd, sh, false), q = matrix(rnd, sh, true);
            for (int r = 0; r < rows; r++) {
                // around every multiple of 64 rows: a zero entry, a subnormal one, a zero in q under p > 0
                int m = r % 64;
                if (m == 0 || m == 63 || m == 1) {
                    int c = r % classes;
                    p[r * classes + c] = m == 1 ? Double.MIN_VALUE * 3 : 0;
                    if (m == 63) {
                        q[r * classes + (c + 1) % classes] = 0;
                    }
                }
            }
            for (boolean float32 : new boolean[] {false, true}) {
                RowMeasures one = backend.withNormalization(Normalization.NORMALIZE).rows();
                for (String measure : List.of("entropy", "kl", "js")) {
                    double[] expected = new double[rows + 3];
                    run(one, measure, float32, p, q, 2, rows, classes, expected, 1);
                    for (Shannon par : parallel) {
                        double[] got = new double[rows + 3];
                        run(par.withNormalization(Normalization.NORMALIZE).rows(), measure, float32, p, q, 2, rows,
                                classes, got, 1);
                        assertArrayEquals(expected, got, backend.backendName() + " " + measure + " " + classes
                                + " classes float=" + float32 + " " + par.parallelism() + " threads: not the bits of one call");
                    }
                }
            }
            double[] bad = p.clone();
            int late = rows - 70;
            bad[late * classes + 1] = -0.5;
            String oneCall = assertThrows(IllegalArgumentException.class,
                    () -> backend.withNormalization(Normalization.NORMALIZE).rows().klDivergence(bad, q, rows, classes))
                    .getMessage();
            assertTrue(oneCall.startsWith("p[" + (late * classes + 1) + "] = -0.5"), oneCall);
            double[] off = matrix(new SplittableRandom(5), sh, false);
            off[late * classes] += 1e-6;
            for (Shannon par : parallel) {
                assertEquals(oneCall, assertThrows(IllegalArgumentException.class,
                        () -> par.withNormalization(Normalization.NORMALIZE).rows().klDivergence(bad, q, rows, classes))
                        .getMessage());
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> par.rows().entropy(off, rows, classes));
                assertTrue(e.getMessage().startsWith("row " + late + " of p sums to "), e.getMessage());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backendArgs")
    void klDivEdgesAndBadInput(Shannon backend) {
        double[] x = {Math.log(0.5), Math.log(0.25), Math.log(0.25), Double.NEGATIVE_INFINITY};
        double[] t = {0.5, 0.5, 0, 0};
        // a zero target is 0 even against -inf (torch: NaN); -inf against t > 0 is +inf
        assertEquals(0.5 * Math.log(2), backend.losses().klDiv(x, t, 1, 4, KlDivReduction.SUM, false), 1e-15);
        double[] lt = {Math.log(0.5), Math.log(0.5), Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        assertEquals(0.5 * Math.log(2), backend.losses().klDiv(x, lt, 2, 2, KlDivReduction.BATCHMEAN, true) * 2,
                1e-15);
        double[] tInf = {0.5, 0.5, 0, 0.1};
        assertEquals(Double.POSITIVE_INFINITY, backend.losses().klDiv(x, tInf, 1, 4, KlDivReduction.MEAN, false));
        assertEquals(0.0, backend.losses().klDiv(new double[0], new double[0], 0, 3, KlDivReduction.BATCHMEAN, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend.losses().klDiv(x, new double[] {0.5, -0.5, 0, 0}, 2, 2, KlDivReduction.SUM, false));
        assertTrue(e.getMessage().startsWith("target[1] = -0.5 (row 0, column 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> backend.losses().klDiv(new double[] {0, Double.NaN, 0, 0}, t, 2, 2, KlDivReduction.SUM, false));
        assertTrue(e.getMessage().startsWith("input[1] = NaN (row 0, column 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> backend.losses().klDiv(new float[] {0, 0, 0, 0},
                new float[] {0, 0, 0, Float.NaN}, 2, 2, KlDivReduction.SUM, true));
        assertTrue(e.getMessage().startsWith("target[3] = NaN (row 1, column 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> backend.losses().klDiv(x, new double[3], 2, 2, KlDivReduction.SUM, false));
        assertTrue(e.getMessage().startsWith("target.length = 3 is not rows × classes"), e.getMessage());
        assertThrows(NullPointerException.class,
                () -> backend.losses().klDiv(x, t, 2, 2, KlDivReduction.NONE, false));
    }

    /**
     * A row with an entry near the double maximum (property finding: x·ln x overflowed, the SIMD block gave NaN
     * and the reference 0 by luck): measured from its normalised terms on every backend, among ordinary rows.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backendArgs")
    void hugeEntriesAreMeasuredNormalised(Shannon backend) {
        int rows = 70, classes = 4;
        double[] p = new double[rows * classes], q = new double[rows * classes];
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.25;
            q[i] = 0.25;
        }
        int r = 9;
        p[r * classes] = Double.MAX_VALUE / 4;
        p[r * classes + 1] = Double.MAX_VALUE / 4;
        q[r * classes] = 1;
        RowMeasures m = backend.withNormalization(Normalization.NORMALIZE).rows();
        double[] h = m.entropy(p, rows, classes);
        assertEquals(Math.log(2), h[r], 1e-15);
        assertEquals(Math.log(4), h[r + 1], 1e-15);
        double[] kl = m.klDivergence(p, q, rows, classes);
        // p/Sp = (1/2, 1/2, ~0, ~0), q/Sq = (4/7, 1/7, 1/7, 1/7)
        double expected = 0.5 * Math.log(0.5 / (4.0 / 7)) + 0.5 * Math.log(0.5 / (1.0 / 7));
        assertEquals(expected, kl[r], 1e-15);
        assertEquals(0.0, kl[r + 1]);
    }

    /**
     * One class: every normalised row is {1}, so entropy, KL and JS are exactly 0 (an audit found KL 2^-48 from
     * U/Sp + ln(Sq/Sp), on one backend and not the other), for rows of any size and as many rows as a block holds.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backendArgs")
    void oneClassRowsAreZero(Shannon backend) {
        int rows = 70;
        double[] p = new double[rows], q = new double[rows];
        SplittableRandom rnd = new SplittableRandom(11);
        for (int r = 0; r < rows; r++) {
            p[r] = Math.scalb(1 + rnd.nextDouble(), rnd.nextInt(-1070, 1000));
            q[r] = Math.scalb(1 + rnd.nextDouble(), rnd.nextInt(-1070, 1000));
        }
        p[5] = 1e6;
        q[5] = 0.1;
        RowMeasures m = backend.withNormalization(Normalization.NORMALIZE).rows();
        double[] zeros = new double[rows];
        assertArrayEquals(zeros, m.entropy(p, rows, 1));
        assertArrayEquals(zeros, m.klDivergence(p, q, rows, 1));
        assertArrayEquals(zeros, m.jsDivergence(p, q, rows, 1));
    }

    /**
     * Rows of subnormal entries (an audit against PyTorch: KL +∞ where it is 0.1927, entropy 0.25 where it is
     * ln 2): their terms x·ln x are subnormal and keep a few bits, so they are measured from the normalised row,
     * as torch and scipy divide by the sum first; among ordinary rows, so the SIMD blocks meet them too. Values:
     * torch.nn.functional and scipy.stats.entropy on the same rows.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backendArgs")
    void subnormalEntriesAreMeasuredNormalised(Shannon backend) {
        int rows = 70, classes = 3;
        double[] p = new double[rows * classes], q = new double[rows * classes];
        java.util.Arrays.fill(p, 1.0 / 3);
        java.util.Arrays.fill(q, 1.0 / 3);
        int r = 9;
        double t = Double.MIN_VALUE;
        p[r * classes] = Math.scalb(1.0, -1070);
        p[r * classes + 1] = Math.scalb(1.0, -1071);
        p[r * classes + 2] = Math.scalb(1.0, -1071);
        p[(r + 1) * classes] = t;
        p[(r + 1) * classes + 1] = t;
        p[(r + 1) * classes + 2] = 0;
        q[(r + 1) * classes] = 0.5;
        q[(r + 1) * classes + 1] = 0.5;
        q[(r + 1) * classes + 2] = 0;
        p[(r + 2) * classes] = Math.scalb(1.0, -1070);
        p[(r + 2) * classes + 1] = Math.scalb(1.0, -1072);
        p[(r + 2) * classes + 2] = 0;
        q[(r + 2) * classes] = 0.5;
        q[(r + 2) * classes + 1] = 0.5;
        q[(r + 2) * classes + 2] = 0;
        p[(r + 3) * classes] = Math.scalb(1.0, -960); // above TINY: a subnormal product is noise there
        p[(r + 3) * classes + 1] = Math.scalb(1.0, -960);
        p[(r + 3) * classes + 2] = 0;
        RowMeasures m = backend.withNormalization(Normalization.NORMALIZE).rows();
        double[] h = m.entropy(p, rows, classes);
        assertEquals(1.0397207708399179, h[r], 1e-15); // (1/2, 1/4, 1/4)
        assertEquals(Math.log(2), h[r + 1], 1e-15);
        assertEquals(Math.log(2), h[r + 3], 1e-15);
        assertEquals(Math.log(3), h[r + 4], 1e-15);
        double[] kl = m.klDivergence(p, q, rows, classes);
        assertEquals(0.0, kl[r + 1], 1e-15);
        assertEquals(0.19274475702175753, kl[r + 2], 1e-15); // (4/5, 1/5) against (1/2, 1/2)
        assertEquals(0.0, kl[r + 4]);
        double[] js = m.jsDivergence(p, q, rows, classes);
        assertEquals(0.0, js[r + 1], 1e-15);
    }
}

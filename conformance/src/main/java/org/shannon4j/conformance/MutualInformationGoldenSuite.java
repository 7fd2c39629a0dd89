package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.dependence.Estimator;
import org.shannon4j.dependence.IndependenceTest;
import org.shannon4j.dependence.NmiAverage;

/**
 * Golden values for the mutual-information family on every backend: scikit-learn's
 * {@code mutual_info_score}, {@code normalized_mutual_info_score} (every {@code average_method}) and
 * {@code adjusted_mutual_info_score} (every {@code average_method}) on labels and contingency tables; joint and
 * conditional entropy, VI and CMI from scipy entropies; the estimators from the published formulas of R's
 * {@code entropy} package; the G-test from {@code scipy.stats.chi2_contingency}. The fixture
 * {@code golden/mutual_information.tsv} and its generator {@code conformance/tools/generate_golden_mutual_information.py}
 * document the sources.
 *
 * <h2>Tolerances (absolute, in nats or unitless)</h2>
 * <ul>
 *   <li>MI, H(X,Y), H(X|Y), VI, CMI, estimators: 1e-13·(1 + ln N). They are differences of sums Σ n·ln n of
 *       size N·ln N divided by N; a relative 1e-15 in those sums (ours and numpy's alike) is an absolute
 *       ~1e-15·ln N in the result.</li>
 *   <li>NMI: 1e-12 (the same, divided by an entropy of at least ~0.1 in these cases).</li>
 *   <li>AMI: 1e-10 (seen: 1.2e-11 at N = 2000 with 1200 × 1100 clusters; 1e-13 on the small cases). scikit-learn's E[I] starts each term from lgamma differences of numbers up to N·ln N ≈ 4e4
 *       here, whose rounding (~1e-11 relative after exp) it carries into E[I]; ours is self-normalised and
 *       more accurate, so the difference measures sklearn's error.</li>
 *   <li>G-test: G relative 1e-12; p-value relative 1e-10 (incomplete-gamma series and continued fraction).</li>
 *   <li>Expected MI: 1e-10 absolute against scikit-learn (which starts each term from lgamma differences, see
 *       AMI; seen: 3e-12 on the 100 × 80 table), 1e-14·(1 + E[I]) against the 30-digit mpmath sum of the same
 *       fixture row (seen: 8e-16).</li>
 *   <li>Label entropy: 1e-13·(1 + ln N), as MI.</li>
 *   <li>NSB: the documented bound of {@link Estimator#NSB}, 1e-13·(1 + H) nats, against mpmath quadrature at 30+
 *       digits ({@code golden/nsb.tsv}, K = 2..10⁵, N = 1..10⁶).</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MutualInformationGoldenSuite {

    /** Classpath location of the fixture. */
    public static final String RESOURCE = "/org/shannon4j/conformance/golden/mutual_information.tsv";

    /** The backends to certify: every supported one by default. */
    protected Stream<Shannon> backends() {
        return ConformanceBackends.supported();
    }

    /** Classpath location of the NSB references (mpmath quadrature; see generate_golden_nsb.py). */
    public static final String NSB_RESOURCE = "/org/shannon4j/conformance/golden/nsb.tsv";

    private static List<String[]> rows() {
        return rows(RESOURCE);
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = MutualInformationGoldenSuite.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    static long[] longs(String csv) {
        return Arrays.stream(csv.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private Stream<Arguments> cases(String kind) {
        return cases(RESOURCE, kind);
    }

    private Stream<Arguments> cases(String resource, String kind) {
        List<String[]> rows = rows(resource).stream().filter(r -> r[0].equals(kind)).toList();
        assertTrue(!rows.isEmpty(), "no '" + kind + "' rows in " + resource);
        return backends().flatMap(s -> rows.stream().map(r -> Arguments.of(
                Named.of(s.backendName() + ": " + String.join(" ", Arrays.copyOf(r, Math.min(r.length, 3)))
                        .replaceAll("(.{0,60}).*", "$1"), s), r)));
    }

    Stream<Arguments> labels() {
        return cases("labels");
    }

    Stream<Arguments> counts() {
        return cases("counts");
    }

    Stream<Arguments> cmi() {
        return cases("cmi");
    }

    Stream<Arguments> entropy() {
        return cases("entropy");
    }

    Stream<Arguments> miEstimates() {
        return cases("mi-est");
    }

    Stream<Arguments> gtest() {
        return cases("gtest");
    }

    Stream<Arguments> emi() {
        return cases("emi");
    }

    Stream<Arguments> labelEntropy() {
        return cases("label-entropy");
    }

    Stream<Arguments> nsb() {
        return cases(NSB_RESOURCE, "nsb");
    }

    private static void close(double expected, double actual, double tolerance, String what) {
        if (Double.isNaN(expected)) {
            return; // not given by the reference (see the generator)
        }
        assertEquals(expected, actual, tolerance, what);
    }

    private static double d(String s) {
        return s.equals("nan") ? Double.NaN : Double.parseDouble(s);
    }

    private static final NmiAverage[] SKLEARN_ORDER = {NmiAverage.ARITHMETIC, NmiAverage.GEOMETRIC, NmiAverage.MIN,
            NmiAverage.MAX};

    @ParameterizedTest(name = "{0}")
    @MethodSource("labels")
    void labelMeasuresMatchScikitLearn(Shannon s, String[] r) {
        Dependence dep = s.dependence();
        int[] x = ints(r[2]);
        int[] y = ints(r[3]);
        double tol = 1e-13 * (1 + Math.log(x.length));
        close(d(r[4]), dep.mutualInformation(x, y), tol, "mutual_info_score");
        close(d(r[4]) / Math.log(2), s.withUnit(InfoUnit.BITS).dependence().mutualInformation(x, y), tol, "MI in bits");
        close(d(r[5]), dep.jointEntropy(x, y), tol, "joint entropy");
        close(d(r[6]), dep.conditionalEntropy(x, y), tol, "H(X|Y)");
        close(d(r[7]), dep.variationOfInformation(x, y), tol, "VI");
        for (int a = 0; a < 4; a++) {
            close(d(r[8 + a]), dep.normalizedMutualInformation(x, y, SKLEARN_ORDER[a]), 1e-12, "NMI " + SKLEARN_ORDER[a]);
            close(d(r[13 + a]), dep.adjustedMutualInformation(x, y, SKLEARN_ORDER[a]), 1e-10, "AMI " + SKLEARN_ORDER[a]);
        }
        close(d(r[12]), dep.normalizedMutualInformation(x, y, NmiAverage.JOINT), 1e-12, "NMI JOINT");
        close(d(r[4]), dep.mutualInformation(x, y, Estimator.PLUG_IN), tol, "plug-in estimator");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("counts")
    void contingencyMeasuresMatchScikitLearn(Shannon s, String[] r) {
        Dependence dep = s.dependence();
        int rows = Integer.parseInt(r[2]);
        int cols = Integer.parseInt(r[3]);
        long[] c = longs(r[4]);
        double n = Arrays.stream(c).sum();
        double tol = 1e-13 * (1 + Math.log(n));
        close(d(r[5]), dep.mutualInformation(c, rows, cols), tol, "mutual_info_score(contingency=)");
        close(d(r[6]), dep.jointEntropy(c, rows, cols), tol, "joint entropy");
        close(d(r[7]), dep.conditionalEntropy(c, rows, cols), tol, "H(rows|cols)");
        close(d(r[8]), dep.variationOfInformation(c, rows, cols), tol, "VI");
        for (int a = 0; a < 4; a++) {
            close(d(r[9 + a]), dep.normalizedMutualInformation(c, rows, cols, SKLEARN_ORDER[a]), 1e-12, "NMI");
            close(d(r[14 + a]), dep.adjustedMutualInformation(c, rows, cols, SKLEARN_ORDER[a]), 1e-10, "AMI");
        }
        // the same table as a joint pmf, and as int counts when it fits
        double[] pmf = Arrays.stream(c).mapToDouble(v -> v / n).toArray();
        close(d(r[5]), dep.mutualInformation(pmf, rows, cols), tol, "MI of the pmf");
        close(d(r[6]), dep.jointEntropy(pmf, rows, cols), tol, "H(X,Y) of the pmf");
        close(d(r[7]), dep.conditionalEntropy(pmf, rows, cols), tol, "H(rows|cols) of the pmf");
        close(d(r[8]), dep.variationOfInformation(pmf, rows, cols), tol, "VI of the pmf");
        close(d(r[9]), dep.normalizedMutualInformation(pmf, rows, cols, NmiAverage.ARITHMETIC), 1e-12, "NMI of the pmf");
        if (Arrays.stream(c).allMatch(v -> v <= Integer.MAX_VALUE)) {
            int[] ic = Arrays.stream(c).mapToInt(v -> (int) v).toArray();
            close(d(r[5]), dep.mutualInformation(ic, rows, cols), tol, "MI of int counts");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cmi")
    void conditionalMutualInformationMatchesEntropies(Shannon s, String[] r) {
        int[] x = ints(r[2]);
        close(d(r[5]), s.dependence().conditionalMutualInformation(x, ints(r[3]), ints(r[4])), 1e-13 * (1 + Math.log(x.length)),
                "CMI");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entropy")
    void entropyEstimatorsMatchTheRFormulas(Shannon s, String[] r) {
        Dependence dep = s.dependence();
        Estimator e = Estimator.valueOf(r[1]);
        long[] c = longs(r[2]);
        double tol = 1e-13 * (1 + Math.log(Arrays.stream(c).sum()));
        close(d(r[3]), dep.entropy(c, e), tol, e.toString());
        close(d(r[3]), dep.entropy(Arrays.stream(c).mapToInt(v -> (int) v).toArray(), e), tol, e + " int counts");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("miEstimates")
    void mutualInformationEstimatorsMatchTheRFormulas(Shannon s, String[] r) {
        Estimator e = Estimator.valueOf(r[1]);
        long[] c = longs(r[4]);
        close(d(r[5]), s.dependence().mutualInformation(c, Integer.parseInt(r[2]), Integer.parseInt(r[3]), e),
                1e-13 * (1 + Math.log(Arrays.stream(c).sum())), e.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gtest")
    void gTestMatchesScipy(Shannon s, String[] r) {
        IndependenceTest t = s.dependence().independenceTest(longs(r[3]), Integer.parseInt(r[1]), Integer.parseInt(r[2]));
        assertEquals(d(r[4]), t.statistic(), 1e-12 * d(r[4]), "G");
        assertEquals(d(r[5]), t.degreesOfFreedom(), "degrees of freedom");
        assertEquals(d(r[6]), t.pValue(), 1e-10 * d(r[6]), "p-value");
        assertEquals(IndependenceTest.Method.G_TEST, t.method());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emi")
    void expectedMutualInformationMatchesScikitLearn(Shannon s, String[] r) {
        Dependence dep = s.dependence();
        int rows = Integer.parseInt(r[1]);
        int cols = Integer.parseInt(r[2]);
        long[] c = longs(r[3]);
        double expected = d(r[5]);
        double tol = 1e-14 * (1 + expected);
        assertEquals(d(r[4]), dep.expectedMutualInformation(c, rows, cols), 1e-10, "sklearn's expected_mutual_information");
        assertEquals(expected, dep.expectedMutualInformation(c, rows, cols), tol, "mpmath");
        assertEquals(expected, dep.expectedMutualInformation(Arrays.stream(c).mapToInt(v -> (int) v).toArray(), rows,
                cols), tol, "int counts");
        assertEquals(expected / Math.log(2), s.withUnit(InfoUnit.BITS).dependence().expectedMutualInformation(c, rows, cols),
                tol, "in bits");
        long[] transposed = new long[c.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                transposed[j * rows + i] = c[i * cols + j];
            }
        }
        assertEquals(expected, dep.expectedMutualInformation(transposed, cols, rows), tol, "symmetric");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelEntropy")
    void labelEntropyMatchesScikitLearn(Shannon s, String[] r) {
        Dependence dep = s.dependence();
        int[] labels = ints(r[1]);
        double expected = d(r[2]);
        double tol = 1e-13 * (1 + Math.log(labels.length));
        assertEquals(expected, dep.labelEntropy(labels), tol, "sklearn.metrics.cluster.entropy");
        assertEquals(expected / Math.log(2), s.withUnit(InfoUnit.BITS).dependence().labelEntropy(labels), tol, "in bits");
        assertEquals(expected, dep.labelEntropy(labels, Estimator.PLUG_IN), tol, "PLUG_IN");
        int[] padded = new int[labels.length + 5];
        System.arraycopy(labels, 0, padded, 3, labels.length);
        assertEquals(expected, dep.labelEntropy(padded, 3, labels.length), tol, "offset form");
        // the estimator form is entropy(counts, estimator) of the label frequencies, K = distinct labels
        long[] counts = Arrays.stream(labels).boxed()
                .collect(java.util.stream.Collectors.groupingBy(v -> v, java.util.stream.Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).toArray();
        for (Estimator e : Estimator.values()) {
            assertEquals(dep.entropy(counts, e), dep.labelEntropy(labels, e), 1e-12, e.toString());
        }
    }

    /** The counts of an nsb row: "value:multiplicity" pairs, laid out in a fixed shuffled order (K = Σ multiplicities). */
    static long[] sparseCounts(String pairs) {
        List<Long> all = new ArrayList<>();
        for (String pair : pairs.split(",")) {
            String[] vm = pair.split(":");
            long v = Long.parseLong(vm[0]);
            for (int i = Integer.parseInt(vm[1]); i > 0; i--) {
                all.add(v);
            }
        }
        java.util.Collections.shuffle(all, new java.util.Random(all.size()));
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nsb")
    void nsbMatchesMpmathQuadrature(Shannon s, String[] r) {
        Dependence dep = s.dependence();
        long[] c = sparseCounts(r[2]);
        double expected = d(r[3]);
        double bound = 1e-13 * (1 + expected);
        assertEquals(expected, dep.entropy(c, Estimator.NSB), bound, r[1]);
        assertEquals(expected, dep.entropy(Arrays.stream(c).mapToInt(v -> (int) v).toArray(), Estimator.NSB), bound,
                r[1] + " int counts");
        assertEquals(expected / Math.log(2), s.withUnit(InfoUnit.BITS).dependence().entropy(c, Estimator.NSB), bound,
                r[1] + " in bits");
    }
}

package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Shannon;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.dependence.Estimator;
import org.shannon4j.dependence.IndependenceTest;
import org.shannon4j.dependence.NmiAverage;

/**
 * Random-input conformance of the mutual-information family on every backend: lengths 1..3×(vector lanes)+tails
 * and 1e6, label ranges that take the dense path, the dense-codes path and the sparse pair path, negative and
 * extreme ints. The reference is computed here independently (HashMap counts, one Math.log per distinct
 * count, sums in the order of a sorted list) and compared with tolerance 1e-12·(1 + ln n) absolute: both are
 * differences of sums Σ n·ln n of size n·ln n, each carrying ~1e-15 relative rounding, divided by n. Also: the
 * permutation test is identical for every parallelism, and every public method rejects bad input with a
 * message naming the argument.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MutualInformationConformanceSuite {

    /** The backends to certify: every supported one by default. */
    protected Stream<Shannon> backends() {
        return ConformanceBackends.supported();
    }

    private static double nLogN(Map<?, Long> counts) {
        return counts.values().stream().sorted().mapToDouble(c -> c * Math.log(c)).sum();
    }

    /** Plug-in MI in nats, from HashMaps. */
    static double referenceMi(int[] x, int[] y) {
        Map<Integer, Long> cx = new HashMap<>();
        Map<Integer, Long> cy = new HashMap<>();
        Map<List<Integer>, Long> cxy = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            cx.merge(x[i], 1L, Long::sum);
            cy.merge(y[i], 1L, Long::sum);
            cxy.merge(List.of(x[i], y[i]), 1L, Long::sum);
        }
        double n = x.length;
        return Math.max(0, (nLogN(cxy) - nLogN(cx) - nLogN(cy)) / n + Math.log(n));
    }

    static int[][] randomLabels(int n, int lo, int span, SplittableRandom random, double copy) {
        int[] x = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (span <= 0 ? random.nextInt() : random.nextInt(span));
            y[i] = random.nextDouble() < copy ? x[i] : lo + (span <= 0 ? random.nextInt() : random.nextInt(span));
        }
        return new int[][] {x, y};
    }

    Stream<Shannon> all() {
        return backends();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void randomLabelsMatchTheReferenceOnEveryPath(Shannon s) {
        Dependence d = s.dependence();
        SplittableRandom random = new SplittableRandom(7);
        int[] spans = {1, 2, 3, 10, 300, 5000, 1 << 20, 0};
        for (int n = 1; n <= 3 * 64 + 3; n += (n < 40 ? 1 : 17)) {
            for (int span : spans) {
                int[][] xy = randomLabels(n, -7, span, random, 0.3);
                double expected = referenceMi(xy[0], xy[1]);
                assertEquals(expected, d.mutualInformation(xy[0], xy[1]), 1e-12 * (1 + Math.log(n)),
                        "n = " + n + ", span = " + span);
            }
        }
        for (int span : new int[] {100, 3000, 0}) {
            int[][] xy = randomLabels(1_000_000, Integer.MIN_VALUE / 2, span, random, 0.5);
            assertEquals(referenceMi(xy[0], xy[1]), d.mutualInformation(xy[0], xy[1]), 1e-12 * (1 + Math.log(1e6)),
                    "n = 1e6, span = " + span);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void backendAgreesWithTheScalarReferenceAndItself(Shannon s) {
        Dependence d = s.dependence();
        Shannon ref = ConformanceBackends.reference();
        Dependence refDep = ref.dependence();
        SplittableRandom random = new SplittableRandom(11);
        int[][] xy = randomLabels(20_000, 0, 50, random, 0.2);
        int[] x = xy[0];
        int[] y = xy[1];
        assertEquals(refDep.mutualInformation(x, y), d.mutualInformation(x, y), 1e-13);
        assertEquals(refDep.jointEntropy(x, y), d.jointEntropy(x, y), 1e-13);
        assertEquals(refDep.variationOfInformation(x, y), d.variationOfInformation(x, y), 1e-13);
        for (NmiAverage a : NmiAverage.values()) {
            assertEquals(refDep.normalizedMutualInformation(x, y, a), d.normalizedMutualInformation(x, y, a), 1e-13);
            assertEquals(refDep.adjustedMutualInformation(x, y, a), d.adjustedMutualInformation(x, y, a), 1e-12);
        }
        for (Estimator e : Estimator.values()) {
            assertEquals(refDep.mutualInformation(x, y, e), d.mutualInformation(x, y, e), 1e-12, e.toString());
        }
        // slices equal copies; the same labels shifted by a constant give the same MI (dense offset path)
        int[] shifted = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            shifted[i] = x[i] + 1_000_000_000;
        }
        assertEquals(d.mutualInformation(x, y), d.mutualInformation(shifted, y), 1e-13);
        assertEquals(d.mutualInformation(java.util.Arrays.copyOfRange(x, 5, 105), java.util.Arrays.copyOfRange(y, 9, 109)),
                d.mutualInformation(x, 5, y, 9, 100), 1e-15);
        // CMI with z constant is MI; MI(x, x) = H(x) = joint entropy
        int[] zero = new int[x.length];
        assertEquals(d.mutualInformation(x, y), d.conditionalMutualInformation(x, y, zero), 1e-12);
        assertEquals(d.jointEntropy(x, x), d.mutualInformation(x, x), 1e-12);
    }

    /**
     * Two-variable measures read X then Y: conditionalEntropy(x, y) = H(X|Y) (R infotheo, philentropy, dit,
     * pyitlib), and for tables and pmfs X is the rows. Here y determines x (H(X|Y) = 0) but not the reverse
     * (H(Y|X) = ln 2), so the order shows.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void conditionalEntropyReadsItsArgumentsInOrder(Shannon s) {
        Dependence d = s.dependence();
        int[] x = {0, 0, 1, 1};
        int[] y = {0, 1, 2, 3};
        assertEquals(0.0, d.conditionalEntropy(x, y), 1e-15, "H(X|Y)");
        assertEquals(Math.log(2), d.conditionalEntropy(y, x), 1e-15, "H(Y|X)");
        long[] table = {1, 1, 0, 0, 0, 0, 1, 1}; // rows = x (2), cols = y (4)
        assertEquals(0.0, d.conditionalEntropy(table, 2, 4), 1e-15, "H(rows|cols)");
        long[] transposed = {1, 0, 1, 0, 0, 1, 0, 1}; // rows = y (4), cols = x (2)
        assertEquals(Math.log(2), d.conditionalEntropy(transposed, 4, 2), 1e-15, "H(rows|cols), transposed");
        double[] pmf = {0.25, 0.25, 0, 0, 0, 0, 0.25, 0.25};
        assertEquals(0.0, d.conditionalEntropy(pmf, 2, 4), 1e-15, "pmf H(rows|cols)");
        // chain rule with the order made explicit: H(X|Y) = H(X,Y) − H(Y)
        SplittableRandom random = new SplittableRandom(5);
        int[][] xy = randomLabels(5000, 0, 30, random, 0.3);
        int[] wide = new int[xy[0].length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = xy[0][i] * 7 + random.nextInt(7);
        }
        assertEquals(d.jointEntropy(wide, xy[1]) - d.jointEntropy(xy[1], xy[1]), d.conditionalEntropy(wide, xy[1]),
                1e-12, "H(X,Y) − H(Y)");
        assertEquals(d.jointEntropy(wide, xy[1]) - d.jointEntropy(wide, wide), d.conditionalEntropy(xy[1], wide),
                1e-12, "H(X,Y) − H(X)");
    }

    /**
     * NSB limits that hold exactly: one cell gives 0; the estimate lies in [0, ln K]; it depends on the counts
     * only through their multiset (not their order); MI = Ĥ(X) + Ĥ(Y) − Ĥ(X,Y) of the NSB entropies.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void nsbRespectsItsLimits(Shannon s) {
        Dependence d = s.dependence();
        assertEquals(0.0, d.entropy(new long[] {17}, Estimator.NSB));
        SplittableRandom random = new SplittableRandom(8);
        for (int k : new int[] {2, 3, 10, 1000}) {
            long[] c = new long[k];
            for (int i = 0; i < 3 * k; i++) {
                c[random.nextInt(1 + random.nextInt(k))]++;
            }
            double h = d.entropy(c, Estimator.NSB);
            assertTrue(h >= 0 && h <= Math.log(k), "K = " + k + ": " + h);
            long[] reversed = new long[k];
            for (int i = 0; i < k; i++) {
                reversed[i] = c[k - 1 - i];
            }
            assertEquals(h, d.entropy(reversed, Estimator.NSB), 1e-15 * (1 + h), "order of the cells");
        }
        long[] table = {5, 1, 0, 2, 7, 3};
        double hx = d.entropy(new long[] {6, 12}, Estimator.NSB);
        double hy = d.entropy(new long[] {7, 8, 3}, Estimator.NSB);
        double hxy = d.entropy(table, Estimator.NSB);
        assertEquals(hx + hy - hxy, d.mutualInformation(table, 2, 3, Estimator.NSB), 1e-14);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void labelCountsSplitOverThreadsGiveIdenticalResults(Shannon s) {
        Dependence d = s.dependence();
        // 2^21 + 37 samples: two parts of at least 2^20 each, an odd tail in the last one. The sequential
        // result is checked against the reference by the tests above; here the split must not change a bit.
        SplittableRandom random = new SplittableRandom(21);
        for (int span : new int[] {7, 1000}) {
            int[][] xy = randomLabels((1 << 21) + 37, -3, span, random, 0.4);
            double mi = d.mutualInformation(xy[0], xy[1]);
            double nmi = d.normalizedMutualInformation(xy[0], xy[1], NmiAverage.ARITHMETIC);
            double h = d.jointEntropy(xy[0], xy[1]);
            for (Shannon p : List.of(s.withParallelism(2), s.withParallelism(3),
                    s.withParallelism(2, command -> { throw new java.util.concurrent.RejectedExecutionException(); }))) {
                assertEquals(mi, p.dependence().mutualInformation(xy[0], xy[1]), "integer counts: bit-identical, span " + span);
                assertEquals(nmi, p.dependence().normalizedMutualInformation(xy[0], xy[1], NmiAverage.ARITHMETIC));
                assertEquals(h, p.dependence().jointEntropy(xy[0], xy[1]));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void permutationTestIsDeterministicWhateverTheParallelism(Shannon s) {
        Dependence d = s.dependence();
        SplittableRandom random = new SplittableRandom(3);
        int[][] dependent = randomLabels(500, 0, 4, random, 0.3);
        IndependenceTest one = d.permutationTest(dependent[0], dependent[1], 200, 99L);
        IndependenceTest four = s.withParallelism(4).dependence().permutationTest(dependent[0], dependent[1], 200, 99L);
        assertEquals(one, four);
        assertEquals(200, one.permutations());
        assertEquals(0, one.exceedances());
        assertEquals(d.independenceTest(dependent[0], dependent[1]).statistic(), one.statistic(),
                1e-12 * one.statistic(), "the statistic is the observed G, not the count");
        assertEquals(1.0 / 201, one.pValue(), 1e-15, "clearly dependent: no permutation reaches it");
        int[][] independent = randomLabels(500, 0, 4, random, 0.0);
        IndependenceTest p = s.withParallelism(3).dependence().permutationTest(independent[0], independent[1], 300, 5L);
        assertTrue(p.pValue() > 0.01, "independent labels: " + p);
        // sparse path (a key sort per permutation) agrees with its own rerun
        int[][] wide = randomLabels(3000, 0, 2000, random, 0.5);
        assertEquals(d.permutationTest(wide[0], wide[1], 20, 1L), s.withParallelism(2).dependence().permutationTest(wide[0], wide[1], 20, 1L));
        IndependenceTest g = d.independenceTest(dependent[0], dependent[1]);
        assertEquals(9.0, g.degreesOfFreedom());
        assertTrue(g.pValue() < 1e-10, g.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void badInputIsRejectedWithClearMessages(Shannon s) {
        Dependence d = s.dependence();
        int[] x = {1, 2, 3};
        int[] y = {1, 2};
        assertMessage(IllegalArgumentException.class, "x.length = 3 but y.length = 2", () -> d.mutualInformation(x, y));
        assertMessage(NullPointerException.class, "x must not be null", () -> d.mutualInformation(null, y));
        assertMessage(NullPointerException.class, "y must not be null", () -> d.jointEntropy(x, null));
        assertMessage(IllegalArgumentException.class, "empty", () -> d.mutualInformation(new int[0], new int[0]));
        assertMessage(IndexOutOfBoundsException.class, "do not fit", () -> d.mutualInformation(x, 2, x, 0, 2));
        assertMessage(IllegalArgumentException.class, "z.length = 2",
                () -> d.conditionalMutualInformation(x, x, y));
        assertMessage(IllegalArgumentException.class, "x, y and z are empty",
                () -> d.conditionalMutualInformation(new int[0], new int[0], new int[0]));
        long[] counts = {1, 2, -3, 4};
        assertMessage(IllegalArgumentException.class, "counts[2] = -3 (row 1, column 0): counts must be >= 0",
                () -> d.mutualInformation(counts, 2, 2));
        assertMessage(IllegalArgumentException.class, "counts.length = 4 but rows × cols = 3 × 2 = 6",
                () -> d.mutualInformation(new long[] {1, 2, 3, 4}, 3, 2));
        assertMessage(IllegalArgumentException.class, "overflows the int range",
                () -> d.mutualInformation(new long[] {1}, 1 << 16, 1 << 16));
        assertMessage(IllegalArgumentException.class, "must both be >= 1", () -> d.jointEntropy(new long[0], 0, 5));
        assertMessage(IllegalArgumentException.class, "all zeros", () -> d.mutualInformation(new long[4], 2, 2));
        assertMessage(IllegalArgumentException.class, "exceeds Long.MAX_VALUE",
                () -> d.mutualInformation(new long[] {Long.MAX_VALUE, 1}, 1, 2));
        assertMessage(NullPointerException.class, "counts must not be null", () -> d.mutualInformation((long[]) null, 1, 1));
        assertMessage(IllegalArgumentException.class, "counts[1] = -1: counts must be >= 0",
                () -> d.entropy(new long[] {1, -1}, Estimator.PLUG_IN));
        assertMessage(NullPointerException.class, "estimator must not be null", () -> d.entropy(new long[] {1}, null));
        assertMessage(IllegalArgumentException.class, "counts[1] = -1: counts must be >= 0",
                () -> d.entropy(new long[] {1, -1}, Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "counts[2] = -4: counts must be >= 0",
                () -> d.entropy(new int[] {1, 2, -4}, Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "all zeros", () -> d.entropy(new long[3], Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "counts is empty", () -> d.entropy(new int[0], Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "exceeds Long.MAX_VALUE",
                () -> d.entropy(new long[] {Long.MAX_VALUE, 1}, Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "counts[2] = -3 (row 1, column 0)",
                () -> d.mutualInformation(counts, 2, 2, Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "joint[1] = NaN",
                () -> d.mutualInformation(new double[] {0.5, Double.NaN}, 1, 2));
        assertMessage(IllegalArgumentException.class, "joint sums to 2.0",
                () -> d.mutualInformation(new double[] {1, 1}, 1, 2));
        assertMessage(IllegalArgumentException.class, "permutations = 0", () -> d.permutationTest(x, x, 0, 1L));
        assertMessage(NullPointerException.class, "average must not be null",
                () -> d.adjustedMutualInformation(x, x, null));
        assertMessage(IllegalArgumentException.class, "counts[2] = -3 (row 1, column 0): counts must be >= 0",
                () -> d.expectedMutualInformation(counts, 2, 2));
        assertMessage(IllegalArgumentException.class, "counts[3] = -1",
                () -> d.expectedMutualInformation(new int[] {1, 2, 3, -1}, 2, 2));
        assertMessage(IllegalArgumentException.class, "counts.length = 4 but rows × cols = 3 × 2 = 6",
                () -> d.expectedMutualInformation(new long[] {1, 2, 3, 4}, 3, 2));
        assertMessage(IllegalArgumentException.class, "all zeros", () -> d.expectedMutualInformation(new long[4], 2, 2));
        assertMessage(IllegalArgumentException.class, "must both be >= 1",
                () -> d.expectedMutualInformation(new long[0], 0, 5));
        assertMessage(IllegalArgumentException.class, "exceeds Long.MAX_VALUE",
                () -> d.expectedMutualInformation(new long[] {Long.MAX_VALUE, 1}, 1, 2));
        assertMessage(NullPointerException.class, "counts must not be null",
                () -> d.expectedMutualInformation((long[]) null, 1, 1));
        assertMessage(NullPointerException.class, "labels must not be null", () -> d.labelEntropy(null));
        assertMessage(NullPointerException.class, "labels must not be null", () -> d.labelEntropy(null, 0, 1));
        assertMessage(NullPointerException.class, "labels must not be null",
                () -> d.labelEntropy(null, Estimator.PLUG_IN));
        assertMessage(IllegalArgumentException.class, "labels is empty", () -> d.labelEntropy(new int[0]));
        assertMessage(IllegalArgumentException.class, "labels is empty",
                () -> d.labelEntropy(new int[0], Estimator.MILLER_MADOW));
        assertMessage(IllegalArgumentException.class, "labels is empty", () -> d.labelEntropy(x, 1, 0));
        assertMessage(IndexOutOfBoundsException.class, "offset 2 and length 2 do not fit in labels.length = 3",
                () -> d.labelEntropy(x, 2, 2));
        // Beyond N = 2^52 the NSB log-evidence has an absolute rounding of order 1 (it returned NaN for
        // {35021075976547849, 18623891341581493}): rejected with the limit named instead of a NaN.
        assertMessage(IllegalArgumentException.class, "N = 53644967318129342: NSB supports N <= 2^52",
                () -> d.entropy(new long[] {35021075976547849L, 18623891341581493L}, Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "NSB supports N <= 2^52",
                () -> d.mutualInformation(new long[] {35021075976547849L, 18623891341581493L}, 1, 2, Estimator.NSB));
        assertMessage(IndexOutOfBoundsException.class, "do not fit", () -> d.labelEntropy(x, -1, 2));
        assertMessage(NullPointerException.class, "estimator must not be null", () -> d.labelEntropy(x, null));
    }

    private static void assertMessage(Class<? extends Throwable> type, String part,
                                      org.junit.jupiter.api.function.Executable call) {
        Throwable t = assertThrows(type, call);
        assertTrue(t.getMessage() != null && t.getMessage().contains(part),
                "expected a message containing '" + part + "', got: " + t.getMessage());
    }
    /**
     * When one side has a single non-empty category and the other more, I(X;Y) is exactly 0, and so are NMI and
     * AMI (scikit-learn: NMI returns 0 for mi == 0, AMI is (0 − 0)/ε); the sums left a rounding residue that NMI
     * divided by another (8.9e-9 for a one-column pmf). Both orientations, pmfs, counts and labels.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void oneSidedTablesHaveZeroInformation(Shannon s) {
        Dependence d = s.dependence();
        Shannon h = s.withNormalization(org.shannon4j.Normalization.NORMALIZE);
        Dependence hDep = h.dependence();
        double[] column = {0.21842816, 0.24921983, 0, 0.01103529, 0.12403712, 0.18097012};
        long[] counts = {7, 0, 13, 2, 1_000_003, 5};
        int[] x = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        int[] y = new int[x.length];
        java.util.Arrays.fill(y, 42);
        for (int[] shape : new int[][] {{6, 1}, {1, 6}}) {
            int r = shape[0];
            int c = shape[1];
            String at = r + "x" + c;
            assertEquals(0.0, hDep.mutualInformation(column, r, c), "MI(pmf) " + at);
            assertEquals(0.0, d.mutualInformation(counts, r, c), "MI(counts) " + at);
            for (NmiAverage a : NmiAverage.values()) {
                assertEquals(0.0, hDep.normalizedMutualInformation(column, r, c, a), "NMI(pmf) " + at + " " + a);
                assertEquals(0.0, d.normalizedMutualInformation(counts, r, c, a), "NMI(counts) " + at + " " + a);
                assertEquals(0.0, d.adjustedMutualInformation(counts, r, c, a), "AMI(counts) " + at + " " + a);
                assertEquals(0.0, d.normalizedMutualInformation(x, y, a), "NMI(labels) " + a);
                assertEquals(0.0, d.normalizedMutualInformation(y, x, a), "NMI(labels, swapped) " + a);
                assertEquals(0.0, d.adjustedMutualInformation(x, y, a), "AMI(labels) " + a);
            }
        }
        assertEquals(0.0, d.mutualInformation(x, y));
    }
}

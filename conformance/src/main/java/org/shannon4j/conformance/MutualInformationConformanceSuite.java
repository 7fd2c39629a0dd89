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
import org.shannon4j.Estimator;
import org.shannon4j.IndependenceTest;
import org.shannon4j.NmiAverage;
import org.shannon4j.Shannon;

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
        SplittableRandom random = new SplittableRandom(7);
        int[] spans = {1, 2, 3, 10, 300, 5000, 1 << 20, 0};
        for (int n = 1; n <= 3 * 64 + 3; n += (n < 40 ? 1 : 17)) {
            for (int span : spans) {
                int[][] xy = randomLabels(n, -7, span, random, 0.3);
                double expected = referenceMi(xy[0], xy[1]);
                assertEquals(expected, s.mutualInformation(xy[0], xy[1]), 1e-12 * (1 + Math.log(n)),
                        "n = " + n + ", span = " + span);
            }
        }
        for (int span : new int[] {100, 3000, 0}) {
            int[][] xy = randomLabels(1_000_000, Integer.MIN_VALUE / 2, span, random, 0.5);
            assertEquals(referenceMi(xy[0], xy[1]), s.mutualInformation(xy[0], xy[1]), 1e-12 * (1 + Math.log(1e6)),
                    "n = 1e6, span = " + span);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void backendAgreesWithTheScalarReferenceAndItself(Shannon s) {
        Shannon ref = ConformanceBackends.reference();
        SplittableRandom random = new SplittableRandom(11);
        int[][] xy = randomLabels(20_000, 0, 50, random, 0.2);
        int[] x = xy[0];
        int[] y = xy[1];
        assertEquals(ref.mutualInformation(x, y), s.mutualInformation(x, y), 1e-13);
        assertEquals(ref.jointEntropy(x, y), s.jointEntropy(x, y), 1e-13);
        assertEquals(ref.variationOfInformation(x, y), s.variationOfInformation(x, y), 1e-13);
        for (NmiAverage a : NmiAverage.values()) {
            assertEquals(ref.normalizedMutualInformation(x, y, a), s.normalizedMutualInformation(x, y, a), 1e-13);
            assertEquals(ref.adjustedMutualInformation(x, y, a), s.adjustedMutualInformation(x, y, a), 1e-12);
        }
        for (Estimator e : Estimator.values()) {
            assertEquals(ref.mutualInformation(x, y, e), s.mutualInformation(x, y, e), 1e-12, e.toString());
        }
        // slices equal copies; the same labels shifted by a constant give the same MI (dense offset path)
        int[] shifted = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            shifted[i] = x[i] + 1_000_000_000;
        }
        assertEquals(s.mutualInformation(x, y), s.mutualInformation(shifted, y), 1e-13);
        assertEquals(s.mutualInformation(java.util.Arrays.copyOfRange(x, 5, 105), java.util.Arrays.copyOfRange(y, 9, 109)),
                s.mutualInformation(x, 5, y, 9, 100), 1e-15);
        // CMI with z constant is MI; MI(x, x) = H(x) = joint entropy
        int[] zero = new int[x.length];
        assertEquals(s.mutualInformation(x, y), s.conditionalMutualInformation(x, y, zero), 1e-12);
        assertEquals(s.jointEntropy(x, x), s.mutualInformation(x, x), 1e-12);
    }

    /**
     * Two-variable measures read X then Y: conditionalEntropy(x, y) = H(X|Y) (R infotheo, philentropy, dit,
     * pyitlib), and for tables and pmfs X is the rows. Here y determines x (H(X|Y) = 0) but not the reverse
     * (H(Y|X) = ln 2), so the order shows.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void conditionalEntropyReadsItsArgumentsInOrder(Shannon s) {
        int[] x = {0, 0, 1, 1};
        int[] y = {0, 1, 2, 3};
        assertEquals(0.0, s.conditionalEntropy(x, y), 1e-15, "H(X|Y)");
        assertEquals(Math.log(2), s.conditionalEntropy(y, x), 1e-15, "H(Y|X)");
        long[] table = {1, 1, 0, 0, 0, 0, 1, 1}; // rows = x (2), cols = y (4)
        assertEquals(0.0, s.conditionalEntropy(table, 2, 4), 1e-15, "H(rows|cols)");
        long[] transposed = {1, 0, 1, 0, 0, 1, 0, 1}; // rows = y (4), cols = x (2)
        assertEquals(Math.log(2), s.conditionalEntropy(transposed, 4, 2), 1e-15, "H(rows|cols), transposed");
        double[] pmf = {0.25, 0.25, 0, 0, 0, 0, 0.25, 0.25};
        assertEquals(0.0, s.conditionalEntropy(pmf, 2, 4), 1e-15, "pmf H(rows|cols)");
        // chain rule with the order made explicit: H(X|Y) = H(X,Y) − H(Y)
        SplittableRandom random = new SplittableRandom(5);
        int[][] xy = randomLabels(5000, 0, 30, random, 0.3);
        int[] wide = new int[xy[0].length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = xy[0][i] * 7 + random.nextInt(7);
        }
        assertEquals(s.jointEntropy(wide, xy[1]) - s.jointEntropy(xy[1], xy[1]), s.conditionalEntropy(wide, xy[1]),
                1e-12, "H(X,Y) − H(Y)");
        assertEquals(s.jointEntropy(wide, xy[1]) - s.jointEntropy(wide, wide), s.conditionalEntropy(xy[1], wide),
                1e-12, "H(X,Y) − H(X)");
    }

    /**
     * NSB limits that hold exactly: one cell gives 0; the estimate lies in [0, ln K]; it depends on the counts
     * only through their multiset (not their order); MI = Ĥ(X) + Ĥ(Y) − Ĥ(X,Y) of the NSB entropies.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void nsbRespectsItsLimits(Shannon s) {
        assertEquals(0.0, s.entropy(new long[] {17}, Estimator.NSB));
        SplittableRandom random = new SplittableRandom(8);
        for (int k : new int[] {2, 3, 10, 1000}) {
            long[] c = new long[k];
            for (int i = 0; i < 3 * k; i++) {
                c[random.nextInt(1 + random.nextInt(k))]++;
            }
            double h = s.entropy(c, Estimator.NSB);
            assertTrue(h >= 0 && h <= Math.log(k), "K = " + k + ": " + h);
            long[] reversed = new long[k];
            for (int i = 0; i < k; i++) {
                reversed[i] = c[k - 1 - i];
            }
            assertEquals(h, s.entropy(reversed, Estimator.NSB), 1e-15 * (1 + h), "order of the cells");
        }
        long[] table = {5, 1, 0, 2, 7, 3};
        double hx = s.entropy(new long[] {6, 12}, Estimator.NSB);
        double hy = s.entropy(new long[] {7, 8, 3}, Estimator.NSB);
        double hxy = s.entropy(table, Estimator.NSB);
        assertEquals(hx + hy - hxy, s.mutualInformation(table, 2, 3, Estimator.NSB), 1e-14);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void labelCountsSplitOverThreadsGiveIdenticalResults(Shannon s) {
        // 2^21 + 37 samples: two parts of at least 2^20 each, an odd tail in the last one. The sequential
        // result is checked against the reference by the tests above; here the split must not change a bit.
        SplittableRandom random = new SplittableRandom(21);
        for (int span : new int[] {7, 1000}) {
            int[][] xy = randomLabels((1 << 21) + 37, -3, span, random, 0.4);
            double mi = s.mutualInformation(xy[0], xy[1]);
            double nmi = s.normalizedMutualInformation(xy[0], xy[1], NmiAverage.ARITHMETIC);
            double h = s.jointEntropy(xy[0], xy[1]);
            for (Shannon p : List.of(s.withParallelism(2), s.withParallelism(3),
                    s.withParallelism(2, command -> { throw new java.util.concurrent.RejectedExecutionException(); }))) {
                assertEquals(mi, p.mutualInformation(xy[0], xy[1]), "integer counts: bit-identical, span " + span);
                assertEquals(nmi, p.normalizedMutualInformation(xy[0], xy[1], NmiAverage.ARITHMETIC));
                assertEquals(h, p.jointEntropy(xy[0], xy[1]));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void permutationTestIsDeterministicWhateverTheParallelism(Shannon s) {
        SplittableRandom random = new SplittableRandom(3);
        int[][] dependent = randomLabels(500, 0, 4, random, 0.3);
        IndependenceTest one = s.permutationTest(dependent[0], dependent[1], 200, 99L);
        IndependenceTest four = s.withParallelism(4).permutationTest(dependent[0], dependent[1], 200, 99L);
        assertEquals(one, four);
        assertEquals(200, one.permutations());
        assertEquals(0, one.exceedances());
        assertEquals(s.independenceTest(dependent[0], dependent[1]).statistic(), one.statistic(),
                1e-12 * one.statistic(), "the statistic is the observed G, not the count");
        assertEquals(1.0 / 201, one.pValue(), 1e-15, "clearly dependent: no permutation reaches it");
        int[][] independent = randomLabels(500, 0, 4, random, 0.0);
        IndependenceTest p = s.withParallelism(3).permutationTest(independent[0], independent[1], 300, 5L);
        assertTrue(p.pValue() > 0.01, "independent labels: " + p);
        // sparse path (a key sort per permutation) agrees with its own rerun
        int[][] wide = randomLabels(3000, 0, 2000, random, 0.5);
        assertEquals(s.permutationTest(wide[0], wide[1], 20, 1L), s.withParallelism(2).permutationTest(wide[0], wide[1], 20, 1L));
        IndependenceTest g = s.independenceTest(dependent[0], dependent[1]);
        assertEquals(9.0, g.degreesOfFreedom());
        assertTrue(g.pValue() < 1e-10, g.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void badInputIsRejectedWithClearMessages(Shannon s) {
        int[] x = {1, 2, 3};
        int[] y = {1, 2};
        assertMessage(IllegalArgumentException.class, "x.length = 3 but y.length = 2", () -> s.mutualInformation(x, y));
        assertMessage(NullPointerException.class, "x must not be null", () -> s.mutualInformation(null, y));
        assertMessage(NullPointerException.class, "y must not be null", () -> s.jointEntropy(x, null));
        assertMessage(IllegalArgumentException.class, "empty", () -> s.mutualInformation(new int[0], new int[0]));
        assertMessage(IndexOutOfBoundsException.class, "do not fit", () -> s.mutualInformation(x, 2, x, 0, 2));
        assertMessage(IllegalArgumentException.class, "z.length = 2",
                () -> s.conditionalMutualInformation(x, x, y));
        assertMessage(IllegalArgumentException.class, "x, y and z are empty",
                () -> s.conditionalMutualInformation(new int[0], new int[0], new int[0]));
        long[] counts = {1, 2, -3, 4};
        assertMessage(IllegalArgumentException.class, "counts[2] = -3 (row 1, column 0): counts must be >= 0",
                () -> s.mutualInformation(counts, 2, 2));
        assertMessage(IllegalArgumentException.class, "counts.length = 4 but rows × cols = 3 × 2 = 6",
                () -> s.mutualInformation(new long[] {1, 2, 3, 4}, 3, 2));
        assertMessage(IllegalArgumentException.class, "overflows the int range",
                () -> s.mutualInformation(new long[] {1}, 1 << 16, 1 << 16));
        assertMessage(IllegalArgumentException.class, "must both be >= 1", () -> s.jointEntropy(new long[0], 0, 5));
        assertMessage(IllegalArgumentException.class, "all zeros", () -> s.mutualInformation(new long[4], 2, 2));
        assertMessage(IllegalArgumentException.class, "exceeds Long.MAX_VALUE",
                () -> s.mutualInformation(new long[] {Long.MAX_VALUE, 1}, 1, 2));
        assertMessage(NullPointerException.class, "counts must not be null", () -> s.mutualInformation((long[]) null, 1, 1));
        assertMessage(IllegalArgumentException.class, "counts[1] = -1: counts must be >= 0",
                () -> s.entropy(new long[] {1, -1}, Estimator.PLUG_IN));
        assertMessage(NullPointerException.class, "estimator must not be null", () -> s.entropy(new long[] {1}, null));
        assertMessage(IllegalArgumentException.class, "counts[1] = -1: counts must be >= 0",
                () -> s.entropy(new long[] {1, -1}, Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "counts[2] = -4: counts must be >= 0",
                () -> s.entropy(new int[] {1, 2, -4}, Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "all zeros", () -> s.entropy(new long[3], Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "counts is empty", () -> s.entropy(new int[0], Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "exceeds Long.MAX_VALUE",
                () -> s.entropy(new long[] {Long.MAX_VALUE, 1}, Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "counts[2] = -3 (row 1, column 0)",
                () -> s.mutualInformation(counts, 2, 2, Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "joint[1] = NaN",
                () -> s.mutualInformation(new double[] {0.5, Double.NaN}, 1, 2));
        assertMessage(IllegalArgumentException.class, "joint sums to 2.0",
                () -> s.mutualInformation(new double[] {1, 1}, 1, 2));
        assertMessage(IllegalArgumentException.class, "permutations = 0", () -> s.permutationTest(x, x, 0, 1L));
        assertMessage(NullPointerException.class, "average must not be null",
                () -> s.adjustedMutualInformation(x, x, null));
        assertMessage(IllegalArgumentException.class, "counts[2] = -3 (row 1, column 0): counts must be >= 0",
                () -> s.expectedMutualInformation(counts, 2, 2));
        assertMessage(IllegalArgumentException.class, "counts[3] = -1",
                () -> s.expectedMutualInformation(new int[] {1, 2, 3, -1}, 2, 2));
        assertMessage(IllegalArgumentException.class, "counts.length = 4 but rows × cols = 3 × 2 = 6",
                () -> s.expectedMutualInformation(new long[] {1, 2, 3, 4}, 3, 2));
        assertMessage(IllegalArgumentException.class, "all zeros", () -> s.expectedMutualInformation(new long[4], 2, 2));
        assertMessage(IllegalArgumentException.class, "must both be >= 1",
                () -> s.expectedMutualInformation(new long[0], 0, 5));
        assertMessage(IllegalArgumentException.class, "exceeds Long.MAX_VALUE",
                () -> s.expectedMutualInformation(new long[] {Long.MAX_VALUE, 1}, 1, 2));
        assertMessage(NullPointerException.class, "counts must not be null",
                () -> s.expectedMutualInformation((long[]) null, 1, 1));
        assertMessage(NullPointerException.class, "labels must not be null", () -> s.labelEntropy(null));
        assertMessage(NullPointerException.class, "labels must not be null", () -> s.labelEntropy(null, 0, 1));
        assertMessage(NullPointerException.class, "labels must not be null",
                () -> s.labelEntropy(null, Estimator.PLUG_IN));
        assertMessage(IllegalArgumentException.class, "labels is empty", () -> s.labelEntropy(new int[0]));
        assertMessage(IllegalArgumentException.class, "labels is empty",
                () -> s.labelEntropy(new int[0], Estimator.MILLER_MADOW));
        assertMessage(IllegalArgumentException.class, "labels is empty", () -> s.labelEntropy(x, 1, 0));
        assertMessage(IndexOutOfBoundsException.class, "offset 2 and length 2 do not fit in labels.length = 3",
                () -> s.labelEntropy(x, 2, 2));
        // Beyond N = 2^52 the NSB log-evidence has an absolute rounding of order 1 (it returned NaN for
        // {35021075976547849, 18623891341581493}): rejected with the limit named instead of a NaN.
        assertMessage(IllegalArgumentException.class, "N = 53644967318129342: NSB supports N <= 2^52",
                () -> s.entropy(new long[] {35021075976547849L, 18623891341581493L}, Estimator.NSB));
        assertMessage(IllegalArgumentException.class, "NSB supports N <= 2^52",
                () -> s.mutualInformation(new long[] {35021075976547849L, 18623891341581493L}, 1, 2, Estimator.NSB));
        assertMessage(IndexOutOfBoundsException.class, "do not fit", () -> s.labelEntropy(x, -1, 2));
        assertMessage(NullPointerException.class, "estimator must not be null", () -> s.labelEntropy(x, null));
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
        Shannon h = s.withNormalization(org.shannon4j.Normalization.NORMALIZE);
        double[] column = {0.21842816, 0.24921983, 0, 0.01103529, 0.12403712, 0.18097012};
        long[] counts = {7, 0, 13, 2, 1_000_003, 5};
        int[] x = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        int[] y = new int[x.length];
        java.util.Arrays.fill(y, 42);
        for (int[] shape : new int[][] {{6, 1}, {1, 6}}) {
            int r = shape[0];
            int c = shape[1];
            String at = r + "x" + c;
            assertEquals(0.0, h.mutualInformation(column, r, c), "MI(pmf) " + at);
            assertEquals(0.0, s.mutualInformation(counts, r, c), "MI(counts) " + at);
            for (NmiAverage a : NmiAverage.values()) {
                assertEquals(0.0, h.normalizedMutualInformation(column, r, c, a), "NMI(pmf) " + at + " " + a);
                assertEquals(0.0, s.normalizedMutualInformation(counts, r, c, a), "NMI(counts) " + at + " " + a);
                assertEquals(0.0, s.adjustedMutualInformation(counts, r, c, a), "AMI(counts) " + at + " " + a);
                assertEquals(0.0, s.normalizedMutualInformation(x, y, a), "NMI(labels) " + a);
                assertEquals(0.0, s.normalizedMutualInformation(y, x, a), "NMI(labels, swapped) " + a);
                assertEquals(0.0, s.adjustedMutualInformation(x, y, a), "AMI(labels) " + a);
            }
        }
        assertEquals(0.0, s.mutualInformation(x, y));
    }
}

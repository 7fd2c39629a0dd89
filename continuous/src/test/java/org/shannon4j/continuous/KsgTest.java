package org.shannon4j.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.spi.CountingKernels;
import org.shannon4j.spi.Parallelism;

/** The search against a brute-force scan (both conventions, ties), threads, units, the digamma, and bad input. */
class KsgTest {

    private static final Ksg KSG = Ksg.of(Shannon.get().context());

    /** Σ ψ(n_x+1), Σ ψ(n_y+1) by an O(n²) scan, with the counts as each convention defines them. */
    private static double[] bruteForce(double[] x, double[] y, int k, KsgConvention convention) {
        int n = x.length;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            double[] d = new double[k]; // the k smallest distances, ascending
            Arrays.fill(d, Double.POSITIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                double dj = Math.max(Math.abs(x[j] - x[i]), Math.abs(y[j] - y[i]));
                if (j != i && dj < d[k - 1]) {
                    int p = k - 1;
                    for (; p > 0 && d[p - 1] > dj; p--) {
                        d[p] = d[p - 1];
                    }
                    d[p] = dj;
                }
            }
            double eps = d[k - 1];
            int nx = 0;
            int ny = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double dx = Math.abs(x[j] - x[i]);
                double dy = Math.abs(y[j] - y[i]);
                if (convention == KsgConvention.KRASKOV || eps > 0) {
                    nx += dx < eps ? 1 : 0;
                    ny += dy < eps ? 1 : 0;
                } else {
                    nx += dx == 0 ? 1 : 0;
                    ny += dy == 0 ? 1 : 0;
                }
            }
            sx += Digamma.of(nx + 1);
            sy += Digamma.of(ny + 1);
        }
        return new double[] {sx, sy};
    }

    /**
     * scikit-learn's scale divides by numpy's standard deviation (pairwise sums): here a compensated sum is one ulp
     * above it (0.12453996981544782 against ...83), which moved tied differences across the radius (0.18810).
     * Expected: _compute_mi_cc(scale(x, with_mean=False), scale(y, with_mean=False), 1), scikit-learn 1.2.1. An
     * infinite standard deviation scales the values to zeros, as numpy's does; a NaN one is an error.
     */
    @Test
    void scalingIsNumpysStandardDeviation() {
        Ksg sklearn = KSG.withScaling(true).withClipAtZero(true);
        double[] x = {0.1, 0.3, 0.4, 0.0, 0.1, 0.2, 0.2};
        double[] y = {0.1, 0.1, 0.0, 0.3, 0.4, 0.0, 0.3};
        assertEquals(0x1.ddddddddddde0p-4, sklearn.mutualInformation(x, y, 1), 0.0);
        double[] huge = {1e300, -1e300, 2e300, -3e300, 5e299, 7e299, -2e300, 1.5e300};
        double[] y4 = {0.3, -1.2, 0.8, 2.0, -0.4, 0.1, 1.1, -0.7};
        assertEquals(0x1.0p-53, sklearn.mutualInformation(huge, y4, 3), 0.0);
        // numpy's accumulators: MAX + MAX = ∞ and −MAX − MAX = −∞, then ∞ − ∞ = NaN (scikit-learn: "Input X
        // contains NaN")
        double m = Double.MAX_VALUE;
        double[] overflow = {m, -m, 1, 2, 3, 4, 5, 6, m, -m, 1, 2, 3, 4, 5, 6};
        double[] y16 = new double[16];
        Arrays.setAll(y16, i -> i);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sklearn.mutualInformation(overflow, y16, 3));
        assertTrue(e.getMessage().startsWith("x[0] = 1.7976931348623157E308: the standard deviation of x overflows"),
                e.getMessage());
    }

    @Test
    void searchMatchesBruteForce() {
        SplittableRandom rnd = new SplittableRandom(16);
        for (int trial = 0; trial < 80; trial++) {
            int n = 2 + rnd.nextInt(trial < 30 ? 40 : 700);
            // every fourth trial any k up to n − 1 (the k best are a heap beyond k = 3)
            int k = 1 + rnd.nextInt(trial % 4 == 3 ? n - 1 : Math.min(n - 1, 6));
            int levels = trial % 3 == 0 ? 4 : trial % 3 == 1 ? 50 : 0; // 0: continuous
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = levels == 0 ? rnd.nextGaussian() : rnd.nextInt(levels) * 0.1;
                y[i] = levels == 0 ? x[i] * 0.5 + Math.pow(rnd.nextDouble(), 3) : rnd.nextInt(levels) - 0.5;
            }
            if (trial % 5 == 0) {
                x[0] = -0.0; // equal to 0.0 as a value
            }
            for (KsgConvention c : KsgConvention.values()) {
                double[] want = bruteForce(x, y, k, c);
                double[] got = new KsgSearch(x, y, k).sums(c, Parallelism.SEQUENTIAL);
                String what = "trial " + trial + ", n = " + n + ", k = " + k + ", " + c;
                assertEquals(want[0], got[0], 1e-12 * Math.max(1, Math.abs(want[0])), what);
                assertEquals(want[1], got[1], 1e-12 * Math.max(1, Math.abs(want[1])), what);
            }
        }
    }

    /**
     * More points than one part, so that parts start inside a strip (the neighbour-strip cursors restart there),
     * with shapes that stress the strips: x levels wider than a strip, a vertical and a horizontal line, a diagonal,
     * heavy tails.
     */
    @Test
    void searchMatchesBruteForceAcrossParts() {
        SplittableRandom rnd = new SplittableRandom(1616);
        int n = KsgSearch.PART + 777;
        for (int shape = 0; shape < 6; shape++) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double g = rnd.nextGaussian();
                switch (shape) {
                    case 0 -> { // ties: few x levels, each a strip wider than the width
                        x[i] = rnd.nextInt(9);
                        y[i] = rnd.nextInt(40) * 0.25;
                    }
                    case 1 -> { // most points on a vertical line
                        x[i] = i % 10 == 0 ? g : 1.5;
                        y[i] = rnd.nextGaussian();
                    }
                    case 2 -> { // a diagonal with duplicates
                        x[i] = rnd.nextInt(n / 2);
                        y[i] = 2 * x[i];
                    }
                    case 4 -> { // most points on a horizontal line: the strips run along y
                        x[i] = rnd.nextGaussian();
                        y[i] = i % 10 == 0 ? g : -1.5;
                    }
                    case 5 -> { // zero-inflated, disjoint: x = 0 on half the rows, y = 0 on the other half
                        boolean half = rnd.nextBoolean();
                        x[i] = half ? 0.0 : g;
                        y[i] = half ? rnd.nextGaussian() : 0.0;
                    }
                    default -> { // Cauchy tails
                        x[i] = g / rnd.nextGaussian();
                        y[i] = x[i] + Math.tan(Math.PI * (rnd.nextDouble() - 0.5));
                    }
                }
            }
            for (KsgConvention c : KsgConvention.values()) {
                double[] want = bruteForce(x, y, 3, c);
                double[] got = new KsgSearch(x, y, 3).sums(c, Parallelism.SEQUENTIAL);
                String what = "shape " + shape + ", " + c;
                assertEquals(want[0], got[0], 1e-12 * Math.abs(want[0]), what);
                assertEquals(want[1], got[1], 1e-12 * Math.abs(want[1]), what);
            }
        }
    }

    /**
     * Every point's counting radius, bit for bit, against the brute-force k-th distance: at k = 3 most come from the
     * fixed windows, the rest from the walk, so shapes where the windows' proof fails (ties in x and y, strips
     * narrower than ε, a vertical line, few points and the padding) must give the same bits as those where it holds.
     */
    @Test
    void radiiMatchBruteForceBitForBit() {
        SplittableRandom rnd = new SplittableRandom(316);
        for (int trial = 0; trial < 56; trial++) {
            int n = 4 + rnd.nextInt(trial < 28 ? 60 : 3000);
            int shape = trial % 7;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double g = rnd.nextGaussian();
                switch (shape) {
                    case 0 -> { // smooth
                        x[i] = g;
                        y[i] = 0.5 * g + rnd.nextGaussian();
                    }
                    case 1 -> { // ties in both, ε = 0 for some
                        x[i] = rnd.nextInt(7) * 0.5;
                        y[i] = rnd.nextInt(9) - 4.0;
                    }
                    case 2 -> { // a vertical line: strips narrower than ε in x, dense in y
                        x[i] = i % 7 == 0 ? g : -0.0;
                        y[i] = rnd.nextDouble();
                    }
                    case 3 -> { // a horizontal band: strips wide in x, sparse neighbours
                        x[i] = g * 1e3;
                        y[i] = rnd.nextInt(3) + 1e-9 * g;
                    }
                    case 4 -> { // a horizontal line: y has the ties, so the strips run along y
                        x[i] = rnd.nextDouble();
                        y[i] = i % 7 == 0 ? g : 2.5;
                    }
                    case 5 -> { // zero-inflated both: long runs of y = 0 in every strip, searched by x
                        x[i] = rnd.nextBoolean() ? 0.0 : g;
                        y[i] = rnd.nextBoolean() ? -0.0 : rnd.nextGaussian();
                    }
                    default -> { // Cauchy tails
                        x[i] = g / rnd.nextGaussian();
                        y[i] = x[i] + Math.tan(Math.PI * (rnd.nextDouble() - 0.5));
                    }
                }
            }
            double[] sortedX = new double[n];
            double[] sortedY = new double[n];
            int[] rankX = new int[n];
            int[] rankY = new int[n];
            Ranks.sort(x, sortedX, rankX, null, new CountingKernels() { });
            Ranks.sort(y, sortedY, rankY, null, new CountingKernels() { });
            for (int k : new int[] {3, 1 + rnd.nextInt(Math.min(5, n - 1))}) {
                KsgSearch search = new KsgSearch(x, y, k);
                double[][] radii = search.radii(KsgConvention.KRASKOV, Parallelism.SEQUENTIAL);
                for (int i = 0; i < n; i++) {
                    double[] d = new double[n - 1];
                    for (int j = 0, m = 0; j < n; j++) {
                        if (j != i) {
                            d[m++] = Math.max(Math.abs(x[j] - x[i]), Math.abs(y[j] - y[i]));
                        }
                    }
                    Arrays.sort(d);
                    double eps = d[k - 1];
                    double want = eps > 0 ? Math.nextDown(eps) : -1.0;
                    String what = "trial " + trial + ", n = " + n + ", k = " + k + ", point " + i;
                    assertEquals(Double.doubleToRawLongBits(want),
                            Double.doubleToRawLongBits(radii[0][rankX[i]]), what);
                    assertEquals(Double.doubleToRawLongBits(want),
                            Double.doubleToRawLongBits(radii[1][rankY[i]]), what);
                }
            }
        }
    }

    @Test
    void conventionsDifferOnlyAtDuplicates() {
        double[] x = {0, 0, 0, 1, 2, 3, 4};
        double[] y = {5, 5, 5, 1, 7, 3, 0};
        // points 0..2 have eps = 0 at k = 2: sklearn counts their two duplicates in each marginal, Kraskov none
        double n = 7;
        double sk = KSG.mutualInformation(x, y, 2);
        double kr = KSG.withConvention(KsgConvention.KRASKOV).mutualInformation(x, y, 2);
        assertEquals(3 * 2 * (Digamma.of(3) - Digamma.of(1)) / n, kr - sk, 1e-14);
        double[] u = {0.1, 0.7, 0.2, 0.9, 0.4, 0.55};
        double[] v = {0.3, 0.8, 0.05, 0.6, 0.5, 0.2};
        assertEquals(KSG.mutualInformation(u, v, 2),
                KSG.withConvention(KsgConvention.KRASKOV).mutualInformation(u, v, 2), 0.0);
    }

    @Test
    void sameBitsForEveryThreadCount() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 3 * KsgSearch.PART + 123;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            y[i] = 0.8 * x[i] + 0.6 * rnd.nextGaussian();
        }
        double one = KSG.mutualInformation(x, y, 3);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int threads : new int[] {2, 3, 8}) {
                Shannon h = Shannon.get().withParallelism(threads);
                assertEquals(one, Ksg.of(h.context()).mutualInformation(x, y, 3), 0.0);
            }
            Parallelism onPool = Parallelism.of(4, pool, false);
            assertEquals(one, Ksg.of(Shannon.get().context().withParallelism(onPool)).mutualInformation(x, y, 3),
                    0.0);
        } finally {
            pool.shutdown();
        }
        // ρ = 0.8: I = −½ ln(1 − ρ²) ≈ 0.51; KSG at this n is within a few hundredths
        assertEquals(-0.5 * Math.log(1 - 0.64), one, 0.03);
    }

    @Test
    void unitsAndClipping() {
        double[] x = {0.1, 0.7, 0.2, 0.9, 0.4, 0.55, 0.33};
        double[] y = {0.3, 0.8, 0.05, 0.6, 0.5, 0.2, 0.9};
        double nats = KSG.mutualInformation(x, y, 1);
        assertEquals(nats / Math.log(2),
                Ksg.of(Shannon.get().withUnit(InfoUnit.BITS).context()).mutualInformation(x, y, 1), 1e-15);
        assertEquals(Math.max(0, nats), KSG.withClipAtZero(true).mutualInformation(x, y, 1), 0.0);
        // a square: every point's nearest other is at max-norm 1 and has one marginal neighbour strictly inside it,
        // so I = ψ(4) + ψ(1) − 2ψ(2) = −1/6
        double[] sx = {0, 0, 1, 1};
        double[] sy = {0, 1, 0, 1};
        assertEquals(-1.0 / 6, KSG.mutualInformation(sx, sy, 1), 1e-15);
        assertEquals(0.0, KSG.withClipAtZero(true).mutualInformation(sx, sy, 1), 0.0);
        // scaling divides by the population standard deviation, but leaves a constant column as it is
        double[] constant = {2, 2, 2, 2, 2, 2};
        double[] z = {4, 1, 6, 2, 5, 3};
        double sd = Math.sqrt(17.5 / 6);
        double[] zs = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            zs[i] = z[i] / sd;
        }
        assertEquals(KSG.mutualInformation(constant, zs, 2),
                KSG.withScaling(true).mutualInformation(constant, z, 2), 0.0);
    }

    @Test
    void digammaIsExact() {
        double gamma = 0.57721566490153286061;
        assertEquals(-gamma, Digamma.of(1), 1e-16);
        assertEquals(1 - gamma, Digamma.of(2), 1e-16);
        // mpmath.digamma(10000), (1000000), (255), (256): the table's edge and the asymptotic range
        assertEquals(9.21029037114284940357, Digamma.of(10000), 4e-15);
        assertEquals(13.8155100579641907708, Digamma.of(1000000), 4e-15);
        assertEquals(5.53930147928829652788, Digamma.of(255), 2e-15);
        assertEquals(5.54322304791574750827, Digamma.of(256), 2e-15);
        assertEquals(1 + 1.0 / 2 + 1.0 / 3 - gamma, Digamma.of(4), 1e-16);
    }

    private static void fails(Executable call, String... parts) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "'" + message + "' lacks '" + p + "'");
        }
    }

    @Test
    void badInput() {
        double[] x = {1, 2, 3, 4};
        double[] y = {1, 3, 2, 4};
        fails(() -> KSG.mutualInformation(x, new double[] {1, 2, 3}, 1), "x.length = 4", "y.length = 3");
        fails(() -> KSG.mutualInformation(x, y, 0), "k = 0");
        fails(() -> KSG.mutualInformation(x, y, -2), "k = -2");
        fails(() -> KSG.mutualInformation(x, y, 4), "x.length = 4", "k = 4");
        fails(() -> KSG.mutualInformation(new double[] {1, Double.NaN, 3, 4}, y, 1), "x[1] = NaN");
        fails(() -> KSG.mutualInformation(x, new double[] {1, 2, 3, Double.NEGATIVE_INFINITY}, 1),
                "y[3] = -Infinity");
        fails(() -> KSG.mutualInformation(x, new double[] {1, 2, Double.POSITIVE_INFINITY, 4}, 1),
                "y[2] = Infinity");
        assertThrows(NullPointerException.class, () -> KSG.mutualInformation(null, y, 1));
        assertThrows(NullPointerException.class, () -> Ksg.of(null));
        assertThrows(NullPointerException.class, () -> KSG.withConvention(null));
    }
}

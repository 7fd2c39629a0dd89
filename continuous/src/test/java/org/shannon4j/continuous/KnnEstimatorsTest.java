package org.shannon4j.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shannon4j.Shannon;
import org.shannon4j.spi.Context;

/** Closed forms and bad input for MultivariateKsg, KozachenkoLeonenko and parmigene's knnmi. */
class KnnEstimatorsTest {

    private final Context context = Shannon.get().context();

    private static double[][] gaussian(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int c = 0; c < d; c++) {
                row[c] = r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void unitBallVolumesWrittenOut() {
        assertEquals(Math.log(2), KnnNorm.EUCLIDEAN.logUnitBallVolume(1), 1e-15);
        assertEquals(Math.log(Math.PI), KnnNorm.EUCLIDEAN.logUnitBallVolume(2), 1e-15);
        assertEquals(Math.log(4 * Math.PI / 3), KnnNorm.EUCLIDEAN.logUnitBallVolume(3), 1e-15);
        assertEquals(Math.log(Math.PI * Math.PI / 2), KnnNorm.EUCLIDEAN.logUnitBallVolume(4), 1e-15);
        assertEquals(Math.log(8 * Math.PI * Math.PI / 15), KnnNorm.EUCLIDEAN.logUnitBallVolume(5), 1e-15);
        assertEquals(3 * Math.log(2), KnnNorm.MAX.logUnitBallVolume(3), 1e-15);
    }

    @Test
    void gaussianEntropyNearItsClosedForm() {
        // H(N(0, I_d)) = d/2 · ln(2πe); k-NN estimates at N = 3000 are within a few hundredths
        for (int d = 1; d <= 3; d++) {
            double[][] x = gaussian(3000, d, 11 + d);
            double exact = d / 2.0 * Math.log(2 * Math.PI * Math.E);
            for (KnnNorm norm : KnnNorm.values()) {
                double h = KozachenkoLeonenko.of(context).withNorm(norm).entropy(x, 4);
                assertEquals(exact, h, 0.05 * d, norm + " d = " + d);
            }
        }
    }

    @Test
    void gaussianMutualInformationNearItsClosedForm() {
        // X = (x1, x2), Y = x1 + x2 + e with var(e) = 1: I = ½ ln(1 + 2) per the Gaussian channel; Z independent
        Random r = new Random(5);
        int n = 3000;
        double[][] x = new double[n][2];
        double[][] y = new double[n][1];
        double[][] z = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            y[i][0] = x[i][0] + x[i][1] + r.nextGaussian();
            z[i][0] = r.nextGaussian();
        }
        double exact = 0.5 * Math.log(3);
        for (KsgAlgorithm a : KsgAlgorithm.values()) {
            MultivariateKsg ksg = Ksg.of(context).multivariate(a);
            assertEquals(exact, ksg.mutualInformation(x, y, 4), 0.03, a.toString());
            assertEquals(exact, ksg.conditionalMutualInformation(x, y, z, 4), 0.05, a.toString());
        }
    }

    @Test
    void bitsAreNatsOverLn2() {
        double[][] x = gaussian(200, 2, 3);
        double[][] y = gaussian(200, 1, 4);
        double nats = Ksg.of(context).multivariate(KsgAlgorithm.KSG1).mutualInformation(x, y, 3);
        double bits = Ksg.of(Shannon.get().withUnit(org.shannon4j.InfoUnit.BITS).context())
                .multivariate(KsgAlgorithm.KSG1).mutualInformation(x, y, 3);
        assertEquals(nats / Math.log(2), bits, 1e-15);
    }

    /**
     * Euclidean distances are compared squared: beyond 1.3e154 the squares overflowed (the estimate was NaN) and
     * below 1.5e-154 they underflowed ("exact duplicates" where there are none). In 1-D the Euclidean estimate is
     * the max-norm one (the same distances, the same unit ball), and scaling the samples by c adds ln|c|.
     */
    @Test
    void euclideanSquaresNeitherOverflowNorUnderflow() {
        KozachenkoLeonenko euclidean = KozachenkoLeonenko.of(context);
        KozachenkoLeonenko max = euclidean.withNorm(KnnNorm.MAX);
        double[] huge = {0, 1e160, 3e160, 6e160, 1e161};
        double[] tiny = {0, 1e-170, 3e-170, 6e-170, 1e-169};
        for (double[] x : new double[][] {huge, tiny}) {
            double want = max.entropy(x, 1, 1);
            assertEquals(want, euclidean.entropy(x, 1, 1), 1e-13 * Math.abs(want));
        }
        double[][] plane = gaussian(200, 2, 5);
        double[][] scaledUp = new double[plane.length][];
        for (int i = 0; i < plane.length; i++) {
            scaledUp[i] = new double[] {plane[i][0] * 0x1p600, plane[i][1] * 0x1p600};
        }
        double h = euclidean.entropy(plane, 3);
        assertEquals(h + 2 * 600 * Math.log(2), euclidean.entropy(scaledUp, 3), 1e-12 * Math.abs(h + 832));
    }

    /**
     * Large values next to small distances: no one scale of all samples keeps every square normal (one shift from
     * the largest |value| left the squares of 1e-170 apart at 0, "exact duplicates", or subnormal, a few bits). Each
     * such point's distance is taken at its own scale. References: the max-norm estimate in 1-D (the same distances,
     * the same unit ball), and in 2-D each k-th distance as m·√Σ(Δ/m)² with m = max|Δ|, from a sort of all of them.
     */
    @Test
    void euclideanDistancesAtEachPointsOwnScale() {
        KozachenkoLeonenko euclidean = KozachenkoLeonenko.of(context);
        KozachenkoLeonenko max = euclidean.withNorm(KnnNorm.MAX);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(21);
        double[] scales = {1e-170, 3e-160, 1, 1e160, 1e-300, 1e200};
        for (int trial = 0; trial < 30; trial++) {
            int n = 5 + rnd.nextInt(trial < 20 ? 60 : 400); // the k-d tree from 128 points
            int k = 1 + rnd.nextInt(Math.min(4, n - 1));
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextGaussian() * scales[rnd.nextInt(scales.length)];
            }
            double want = max.entropy(x, 1, k);
            assertEquals(want, euclidean.entropy(x, 1, k), 1e-13 * Math.abs(want), "1-D trial " + trial);
            int d = 2;
            double[] plane = new double[n * d];
            for (int i = 0; i < n * d; i++) {
                plane[i] = rnd.nextGaussian() * scales[(i / d) % 3];
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double[] dist = new double[n - 1];
                for (int j = 0, o = 0; j < n; j++) {
                    if (j != i) {
                        double g0 = plane[j * d] - plane[i * d];
                        double g1 = plane[j * d + 1] - plane[i * d + 1];
                        double m = Math.max(Math.abs(g0), Math.abs(g1));
                        dist[o++] = m == 0 ? 0 : m * Math.sqrt((g0 / m) * (g0 / m) + (g1 / m) * (g1 / m));
                    }
                }
                java.util.Arrays.sort(dist);
                sum += Math.log(dist[k - 1]);
            }
            double h = Digamma.of(n) - Digamma.of(k) + KnnNorm.EUCLIDEAN.logUnitBallVolume(d) + d * sum / n;
            assertEquals(h, euclidean.entropy(plane, d, k), 1e-12 * Math.abs(h), "2-D trial " + trial);
        }
        double[] twins = {0, 0, 1e-170, 1}; // a true duplicate stays an error
        assertMessage(() -> euclidean.entropy(twins, 1, 1), "x sample 0 has 1 or more exact duplicates");
    }

    /**
     * parmigene seeds its noise with C's (int) x[n/2], INT_MIN on x86-64 for 5e9 (Java's cast clamps to INT_MAX).
     * Expected: R, parmigene 1.1.0, {@code knnmi(x, y, 8, 0.5)} on these values (the JIDT/R audit's case 356 kind).
     * A mean or standard deviation that overflows is an error (parmigene returns NaN).
     */
    @Test
    void parmigeneSeedAndOverflow() {
        double[] x = {0.3, 1.2, -0.5, 2.2, 0.9, -1.1, 5e9, 0.4, 1.7, -0.2, 0.8, 2.5};
        double[] y = {1.1, 0.2, 0.7, -0.4, 1.9, 0.5, 2.2, -1.3, 0.6, 1.4, -0.8, 0.1};
        assertEquals(0.036742424242424576, Ksg.of(context).parmigeneKnnmi(x, y, 8, 0.5), 1e-13);
        assertEquals(Integer.MIN_VALUE, Parmigene.cInt(5e9));
        assertEquals(Integer.MIN_VALUE, Parmigene.cInt(-2147483649.0));
        assertEquals(-2147483648, Parmigene.cInt(-2147483648.9));
        assertEquals(2147483647, Parmigene.cInt(2147483647.9));
        assertEquals(-3, Parmigene.cInt(-3.7));
        double[] huge = {1e200, -3e200, 2e200, 5e199, -1e200, 7e199};
        assertMessage(() -> Ksg.of(context).parmigeneKnnmi(huge, new double[] {1, 2, 3, 4, 5, 6}, 2, 0),
                "x[1] = -3.0E200: the mean or standard deviation of x overflows");
    }

    @Test
    void badInputNamesArgumentIndexAndValue() {
        MultivariateKsg ksg = Ksg.of(context).multivariate(KsgAlgorithm.KSG1);
        KozachenkoLeonenko kl = KozachenkoLeonenko.of(context);
        double[][] x = gaussian(10, 2, 1);
        double[][] y = gaussian(10, 1, 2);
        double[][] nan = gaussian(10, 2, 1);
        nan[7][1] = Double.NaN;
        double[][] ragged = gaussian(10, 2, 1);
        ragged[4] = new double[3];
        assertMessage(() -> ksg.mutualInformation(nan, y, 3), "x[7][1] = NaN");
        assertMessage(() -> ksg.mutualInformation(x, gaussian(9, 1, 2), 3), "x has 10 samples and y has 9");
        assertMessage(() -> ksg.mutualInformation(ragged, y, 3), "x[4].length = 3");
        assertMessage(() -> ksg.mutualInformation(x, y, 0), "k = 0");
        assertMessage(() -> ksg.mutualInformation(x, y, 10), "10 samples for k = 10");
        assertMessage(() -> ksg.conditionalMutualInformation(x, y, gaussian(11, 1, 3), 3), "z has 11");
        assertMessage(() -> ksg.mutualInformation(new double[] {1, 2, Double.POSITIVE_INFINITY, 4}, 2,
                new double[] {1, 2}, 1, 1), "x[2] = Infinity (row 1, column 0)");
        assertMessage(() -> ksg.mutualInformation(new double[] {1, 2, 3}, 2, new double[] {1, 2}, 1, 1),
                "x.length = 3 is not a multiple of dims = 2");
        assertMessage(() -> ksg.mutualInformation(new double[] {1, 2}, 0, new double[] {1, 2}, 1, 1),
                "x dims = 0");
        assertMessage(() -> ksg.withJidtNoise(-1, 0), "level = -1.0");
        double[] huge = {1e308, 1.5e308, 1.7e308, -1e308, 1e308};
        assertMessage(() -> ksg.withJidtNormalisation(true).mutualInformation(huge, 1, new double[] {1, 2, 3, 4, 5}, 1,
                1), "x[2] = 1.7E308: JIDT's normalisation of column 0 overflows (sum beyond the double range)");
        assertMessage(() -> KsgMixed.of(context).withJidtNormalisation(true).mutualInformation(
                new double[] {1, 2, 3, 1e200, -1e200}, new int[] {0, 0, 1, 1, 1}, 1),
                "c[3] = 1.0E200: JIDT's normalisation of column 0 overflows (sum of squares beyond");
        assertMessage(() -> kl.entropy(new double[] {1, 1, 2, 3}, 1), "x sample 0 has 1 or more exact duplicates");
        assertMessage(() -> kl.entropy(new double[] {1, 2, Double.NEGATIVE_INFINITY}, 1), "x[2] = -Infinity");
        assertMessage(() -> kl.entropy(new double[] {1, 2}, 2), "2 samples for k = 2");
        assertMessage(() -> Ksg.of(context).parmigeneKnnmi(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 5}, 1,
                0), "k = 1");
        assertMessage(() -> Ksg.of(context).parmigeneKnnmi(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 5}, 2,
                Double.NaN), "noise = NaN");
    }

    @Test
    void mixedAndScoringBadInput() {
        KsgMixed sk = KsgMixed.of(context);
        KsgMixed jidt = sk.withConvention(MixedConvention.JIDT);
        FeatureScoring fs = FeatureScoring.of(context);
        double[] three = {1, 2, 3};
        assertMessage(() -> sk.mutualInformation(three, new int[] {0, 1}, 1), "c has 3 samples and d has 2");
        assertMessage(() -> sk.mutualInformation(three, new int[] {0, 1, 2}, 1), "every one of the 3 labels");
        assertMessage(() -> sk.mutualInformation(new double[] {1, Double.NaN, 3}, new int[] {0, 0, 1}, 1),
                "c[1] = NaN");
        assertMessage(() -> sk.mutualInformation(new double[] {1, 2, 3}, new int[] {0, 0, 1}, 0), "k = 0");
        assertMessage(() -> jidt.mutualInformation(new double[] {1, 2, 3, 4}, new int[] {0, 0, 5, 5}, 2),
                "d[0] = 0 occurs 2 times");
        double[][] x = gaussian(10, 2, 1);
        double[] y = new double[10];
        assertMessage(() -> fs.mutualInfoRegression(x, new double[9], 3), "x has 10 samples and y has 9");
        assertMessage(() -> fs.mutualInfoRegression(x, y, 3, new boolean[3], null, null), "discrete.length = 3");
        assertMessage(() -> fs.mutualInfoRegression(x, y, 3, null, new double[10][2], null), "give both or neither");
        assertMessage(() -> fs.mutualInfoRegression(x, y, 3, null, new double[10][1], new double[10]),
                "xNoise[0].length = 1");
        assertMessage(() -> fs.mutualInfoClassif(x, new int[10], 3, null, new double[9][2]), "xNoise.length = 9");
        double[][] noisy = new double[10][2];
        noisy[5][1] = Double.NaN;
        assertMessage(() -> fs.mutualInfoClassif(x, new int[10], 3, null, noisy), "xNoise[5][1] = NaN");
        double[] badY = new double[10];
        badY[7] = Double.POSITIVE_INFINITY;
        assertMessage(() -> fs.mutualInfoRegression(x, y, 3, null, new double[10][2], badY), "yNoise[7] = Infinity");
        int[] distinct = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertMessage(() -> fs.mutualInfoClassif(x, distinct, 3), "y: every one of the 10 values occurs once");
        assertMessage(() -> fs.mutualInfoClassif(x, distinct, 3, null, 7L), "y: every one of the 10 values");
        assertMessage(() -> fs.mutualInfoRegression(x, y, 3, new boolean[] {true, false}, null, null),
                "x column 0 (discrete): every one of the 10 values occurs once");
        // a standard deviation overflowing to NaN (numpy's accumulators: ∞ − ∞) names the caller's element
        double m = Double.MAX_VALUE;
        double[] big = {m, -m, 1, 2, 3, 4, 5, 6, m, -m, 1, 2, 3, 4, 5, 6};
        double[][] x16 = new double[16][];
        double[] y16 = new double[16];
        for (int i = 0; i < 16; i++) {
            x16[i] = new double[] {i, big[i]};
            y16[i] = i % 3;
        }
        assertMessage(() -> fs.mutualInfoRegression(x16, y16, 3),
                "x[0][1] = 1.7976931348623157E308: the standard deviation of x column 1 overflows");
        // k is checked even when no column needs neighbours
        assertMessage(() -> fs.mutualInfoClassif(x, new int[10], -1, new boolean[] {true, true}, null), "k = -1");
        assertMessage(() -> fs.mutualInfoRegression(x, y, 0, new boolean[] {true, true}, null, null), "k = 0");
    }

    @Test
    void scoringWithoutNoiseIsKsgOfTheScaledColumns() {
        double[][] x = gaussian(300, 3, 8);
        double[] y = new double[300];
        int[] labels = new int[300];
        for (int i = 0; i < 300; i++) {
            y[i] = x[i][0] + 0.5 * x[i][1];
            labels[i] = x[i][2] > 0 ? 1 : 0;
        }
        double[] r = FeatureScoring.of(context).mutualInfoRegression(x, y, 3);
        double[] c = FeatureScoring.of(context).mutualInfoClassif(x, labels, 3);
        double[] col = new double[300];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 300; i++) {
                col[i] = x[i][j];
            }
            double s = FeatureScoring.numpyStd(col);
            double[] scaled = col.clone();
            for (int i = 0; i < 300; i++) {
                scaled[i] /= s;
            }
            double sy = FeatureScoring.numpyStd(y);
            double[] ys = y.clone();
            for (int i = 0; i < 300; i++) {
                ys[i] /= sy;
            }
            assertEquals(Ksg.of(context).withClipAtZero(true).mutualInformation(scaled, ys, 3), r[j], 0.0);
            assertEquals(KsgMixed.of(context).withClipAtZero(true).mutualInformation(scaled, labels, 3), c[j], 0.0);
        }
        assertTrue(c[2] > 0.3 && c[0] < 0.05, java.util.Arrays.toString(c));
    }

    private static void assertMessage(Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage() + " does not contain " + part);
    }
}

package org.shannon4j.dependence;

import java.util.Arrays;

import org.shannon4j.InfoUnit;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

/**
 * The G-test and the permutation test of independence, from a {@link CountTable} or label arrays.
 *
 * <p><b>Permutations.</b> Permutation i (0-based) shuffles a copy of the original y codes by Fisher–Yates with
 * its own SplitMix64 generator (the algorithm of {@link java.util.SplittableRandom}), seeded from (seed, i)
 * only; so the result is identical for every thread count. With the handle's parallelism above 1 the permutations
 * are cut into up to 4 contiguous parts per thread, run by {@link Parallelism#forEachPart} (the caller and the
 * handle's executor); each thread allocates its buffers (the shuffled codes and the count table, or a key
 * array when the table would be too large for dense counting) once and reuses them for every permutation:
 * nothing is allocated per permutation. With unchanged marginals, MI ≥ MI_obs is the same
 * as Σ nᵢⱼ·ln nᵢⱼ ≥ its observed value; the comparison allows a relative 1e-12 for rounding, so that
 * permutations giving the observed table count as "at least as large".
 */
final class IndependenceTests {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Parts of the permutations per thread: enough to even out threads that start late. */
    private static final int PARTS_PER_THREAD = 4;

    private IndependenceTests() {
    }

    /** G-test on a count table; MI reported in {@code unit}. */
    static IndependenceTest gTest(Kernels k, CountTable t, InfoUnit unit) {
        double mi = MutualInformationMeasures.mutualInformation(k, t);
        double g = 2 * (double) t.n * mi;
        double df = (double) (t.nonEmptyRows - 1) * (t.nonEmptyCols - 1);
        double logP = df == 0 ? 0.0 : SpecialFunctions.logChiSquaredSurvival(g, df);
        return new IndependenceTest(unit.fromNats(mi), g, df, Math.exp(logP), logP, 0, 0,
                IndependenceTest.Method.G_TEST);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Codes 0..k−1 of labels, in a new array; the number of codes into {@code kOut[0]}. */
    private static int[] codes(Kernels k, int[] a, int offset, int length, int[] kOut) {
        long mm = k.minMax(a, offset, length);
        int min = (int) (mm >> 32);
        long range = (long) (int) mm - min + 1;
        int[] codes = new int[length];
        if (CountTable.denseFits(range, 1, length)) {
            for (int i = 0; i < length; i++) {
                codes[i] = a[offset + i] - min;
            }
            kOut[0] = (int) range;
        } else {
            kOut[0] = k.denseCodes(a, offset, length, codes);
        }
        return codes;
    }

    static IndependenceTest permutationTest(Kernels k, Parallelism par, int[] x, int xOffset, int[] y, int yOffset,
                                            int length, int permutations, long seed, InfoUnit unit) {
        CountTable observed = CountTable.ofLabels(k, par, x, xOffset, y, yOffset, length);
        double tObs = observed.jointNLogN(k);
        double mi = MutualInformationMeasures.mutualInformation(k, observed);
        int[] kx = new int[1];
        int[] ky = new int[1];
        int[] cx = codes(k, x, xOffset, length, kx);
        int[] cy = codes(k, y, yOffset, length, ky);
        double threshold = tObs - 1e-12 * Math.abs(tObs);
        int parts = par.threads() == 1 ? 1 : (int) Math.min(permutations, (long) PARTS_PER_THREAD * par.threads());
        long[] exceedByPart = new long[parts];
        par.forEachPart(parts, par.threads() - 1, () -> new Worker(k, cx, cy, kx[0], ky[0], seed, threshold),
                (worker, i) -> exceedByPart[i] = worker.run((int) ((long) permutations * i / parts),
                        (int) ((long) permutations * (i + 1) / parts)));
        int exceed = 0;
        for (long e : exceedByPart) {
            exceed += (int) e;
        }
        double p = (1.0 + exceed) / (1.0 + permutations);
        return new IndependenceTest(unit.fromNats(mi), 2 * (double) length * mi, 0, p, Math.log(p), permutations,
                exceed, IndependenceTest.Method.PERMUTATION);
    }

    /** One chunk of permutations with its own buffers. */
    private static final class Worker {
        private final Kernels k;
        private final int[] cx;
        private final int[] cy;
        private final int kx;
        private final int ky;
        private final long seed;
        private final double threshold;
        private final int[] shuffled;
        private final int[] table;
        private final long[] keys;

        Worker(Kernels k, int[] cx, int[] cy, int kx, int ky, long seed, double threshold) {
            this.k = k;
            this.cx = cx;
            this.cy = cy;
            this.kx = kx;
            this.ky = ky;
            this.seed = seed;
            this.threshold = threshold;
            this.shuffled = new int[cy.length];
            boolean dense = CountTable.denseFits(kx, ky, cy.length);
            this.table = dense ? new int[kx * ky] : null;
            this.keys = dense ? null : new long[cy.length];
        }

        long run(int from, int to) {
            long exceed = 0;
            int n = cy.length;
            for (int i = from; i < to; i++) {
                System.arraycopy(cy, 0, shuffled, 0, n);
                long state = mix(seed + GOLDEN * (i + 1L)) ^ mix(seed ^ 0x632BE59BD9B4E019L);
                for (int j = n - 1; j > 0; j--) {
                    // SplitMix64 step, then an unbiased bounded int by Lemire's multiply-and-reject method
                    int bound = j + 1;
                    long m;
                    long low;
                    do {
                        state += GOLDEN;
                        m = (mix(state) >>> 32) * bound;
                        low = m & 0xFFFFFFFFL;
                    } while (low < (0x100000000L % bound));
                    int r = (int) (m >>> 32);
                    int tmp = shuffled[j];
                    shuffled[j] = shuffled[r];
                    shuffled[r] = tmp;
                }
                if (statistic() >= threshold) {
                    exceed++;
                }
            }
            return exceed;
        }

        /** Σ nᵢⱼ·ln nᵢⱼ of (cx, shuffled). */
        private double statistic() {
            int n = cy.length;
            if (table != null) {
                Arrays.fill(table, 0);
                k.countPairs(cx, 0, 0, shuffled, 0, 0, ky, n, table);
                return k.nLogN(table, 0, table.length);
            }
            for (int i = 0; i < n; i++) {
                keys[i] = (long) cx[i] * ky + shuffled[i];
            }
            Arrays.sort(keys);
            double t = 0;
            for (int i = 0; i < n; ) {
                int j = i + 1;
                while (j < n && keys[j] == keys[i]) {
                    j++;
                }
                long c = j - i;
                t += c > 1 ? c * Math.log(c) : 0.0;
                i = j;
            }
            return t;
        }
    }
}

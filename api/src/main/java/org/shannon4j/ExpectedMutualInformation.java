package org.shannon4j;

import java.util.Arrays;

/**
 * E[I] of two labelings with fixed marginals under the permutation (hypergeometric) model, in nats — the
 * expectation that adjusted mutual information subtracts (Vinh, Epps and Bailey 2010; scikit-learn's
 * {@code expected_mutual_information}):
 * <pre>E[I] = Σ_i Σ_j Σ_n P(n | aᵢ, bⱼ, N) · (n/N)·ln(N·n/(aᵢ·bⱼ))</pre>
 * with P the hypergeometric pmf of a cell count n for row sum a, column sum b and N samples.
 *
 * <h2>How it is fast</h2>
 * <ul>
 *   <li>The inner sum depends on (a, b) only, so it is computed once per pair of <em>distinct</em> marginal
 *       values and weighted by their multiplicities.</li>
 *   <li>P is log-concave with its mass within a few standard deviations of its mode. The terms are generated
 *       from the mode outwards by the exact ratio recurrence P(n+1)/P(n) = (a−n)(b−n)/((n+1)(N−a−b+n+1)),
 *       starting from P(mode) = 1 (unnormalised), and divided at the end by their own sum: the start value,
 *       which the textbook computes with lgamma differences of numbers as large as N·ln N (losing
 *       ~log10(N ln N) digits, as scikit-learn does), cancels exactly.</li>
 *   <li>Each walk stops when the geometric bound on the rest of the tail, P(n)·r/(1 − r) with r the current
 *       ratio (which only shrinks further out, by log-concavity), falls below 2⁻⁶⁰ ≈ 8.7e-19 of the mass
 *       summed so far. The neglected mass per (a, b) pair is therefore below 1.8e-18 relative, and since
 *       |(n/N)·ln(N·n/(a·b))| ≤ (min(a,b)/N)·ln N, the truncation error of E[I] is below
 *       1.8e-18·ln N·Σᵢⱼ min(aᵢ,bⱼ)/N ≤ 1.8e-18·ln N·min(R, C) nats — far below rounding.</li>
 * </ul>
 * Cost: Σ over distinct pairs of the walk length, about 80·√(min(a,b)) terms; at N = 1e6 with 100 balanced
 * clusters on each side a few milliseconds. All counts are 64-bit; products are formed in double, so nothing
 * overflows.
 */
final class ExpectedMutualInformation {

    /** Stop when the tail bound is below this fraction of the mass summed so far. */
    private static final double TAIL = 0x1p-60;
    /** ln n is tabulated for n below this; larger n call Math.log. */
    private static final int LOG_TABLE_LIMIT = 1 << 22;

    private ExpectedMutualInformation() {
    }

    /**
     * E[I] in nats for the non-empty marginal counts {@code a[0..ra)}, {@code b[0..rb)} (zeros are skipped),
     * N = Σa = Σb.
     */
    static double of(long[] a, int ra, long[] b, int rb, long n) {
        long[] av = nonZeroSorted(a, ra);
        long[] bv = nonZeroSorted(b, rb);
        if (av.length <= 1 || bv.length <= 1) {
            return 0.0; // one side is a single cluster: every table has I = 0, so E[I] = 0 exactly
        }
        // distinct values and multiplicities
        int da = distinct(av);
        int db = distinct(bv);
        long maxA = av.length == 0 ? 0 : av[av.length - 1];
        long maxB = bv.length == 0 ? 0 : bv[bv.length - 1];
        int tableSize = (int) Math.min(Math.min(maxA, maxB) + 1, LOG_TABLE_LIMIT);
        double[] logs = new double[Math.max(tableSize, 1)];
        for (int i = 1; i < logs.length; i++) {
            logs[i] = Math.log(i);
        }
        double lnN = Math.log(n);
        double total = 0;
        double compensation = 0;
        int i = 0;
        for (int gi = 0; gi < da; gi++) {
            long ai = av[i];
            int mi = run(av, i);
            int j = 0;
            for (int gj = 0; gj < db; gj++) {
                long bj = bv[j];
                int mj = run(bv, j);
                double term = (double) mi * mj * pair(ai, bj, n, lnN, logs);
                double t = total + term;
                compensation += org.shannon4j.spi.KernelMath.sumError(total, term, t);
                total = t;
                j += mj;
            }
            i += mi;
        }
        return Math.max(0.0, total + compensation); // E[I] ≥ 0; only rounding can take it below
    }

    private static long[] nonZeroSorted(long[] a, int length) {
        long[] out = new long[length];
        int m = 0;
        for (int i = 0; i < length; i++) {
            if (a[i] > 0) {
                out[m++] = a[i];
            }
        }
        out = Arrays.copyOf(out, m);
        Arrays.sort(out);
        return out;
    }

    private static int distinct(long[] sorted) {
        int d = 0;
        for (int i = 0; i < sorted.length; i += run(sorted, i)) {
            d++;
        }
        return d;
    }

    private static int run(long[] sorted, int from) {
        int to = from + 1;
        while (to < sorted.length && sorted[to] == sorted[from]) {
            to++;
        }
        return to - from;
    }

    private static double log(long k, double[] logs) {
        return k < logs.length ? logs[(int) k] : Math.log(k);
    }

    /** Σ_n P(n)·(n/N)·ln(N·n/(a·b)) for one pair (a, b), by the walk described in the class comment. */
    static double pair(long a, long b, long n, double lnN, double[] logs) {
        long lo = Math.max(0, a + b - n);
        long hi = Math.min(a, b);
        if (lo == hi) {
            return lo == 0 ? 0.0 : (double) lo / n * (lnN + log(lo, logs) - log(a, logs) - log(b, logs));
        }
        // mode of the hypergeometric: floor((a+1)(b+1)/(N+2)), clamped to the support
        long mode = (long) Math.floor(((double) a + 1) * ((double) b + 1) / ((double) n + 2));
        mode = Math.max(lo, Math.min(hi, mode));
        double lnAB = log(a, logs) + log(b, logs) - lnN; // f(k) = k/N·(ln k − lnAB)
        long nab = n - a - b; // N − a − b (may be negative)
        double mass = 1;
        double weighted = f(mode, n, lnAB, logs);
        // upwards: P(k+1)/P(k) = (a−k)(b−k)/((k+1)(N−a−b+k+1))
        double p = 1;
        for (long k = mode; k < hi; k++) {
            double r = (double) (a - k) * (double) (b - k) / ((double) (k + 1) * (double) (nab + k + 1));
            p *= r;
            mass += p;
            weighted += p * f(k + 1, n, lnAB, logs);
            if (r < 1 && p * r / (1 - r) < TAIL * mass) {
                break;
            }
        }
        // downwards: P(k−1)/P(k) = k(N−a−b+k)/((a−k+1)(b−k+1))
        p = 1;
        for (long k = mode; k > lo; k--) {
            double r = (double) k * (double) (nab + k) / ((double) (a - k + 1) * (double) (b - k + 1));
            p *= r;
            mass += p;
            weighted += p * f(k - 1, n, lnAB, logs);
            if (r < 1 && p * r / (1 - r) < TAIL * mass) {
                break;
            }
        }
        return weighted / mass;
    }

    private static double f(long k, long n, double lnAB, double[] logs) {
        return k == 0 ? 0.0 : (double) k / n * (log(k, logs) - lnAB);
    }
}

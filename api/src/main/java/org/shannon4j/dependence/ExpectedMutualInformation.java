package org.shannon4j.dependence;

import java.math.BigInteger;
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
 *       summed so far. The neglected mass per (a, b) pair is therefore below 1.8e-18 relative, and since the
 *       summed term h(n) = n·ln(n/μ) − (n − μ) (see {@link #walk}) is at most 2·min(a,b)·ln N, the truncation
 *       error of E[I] is below 3.6e-18·ln N·Σᵢⱼ min(aᵢ,bⱼ)/N ≤ 3.6e-18·ln N·min(R, C) nats — far below
 *       rounding.</li>
 *   <li><b>Huge counts.</b> The walk visits about 18 standard deviations σ of the cell count, which grows as
 *       √(counts) (σ = 2²⁸ for a 2 × 2 table with 2⁵⁶ per cell: minutes). When σ² &gt; 2³⁰ the pair's term is
 *       instead the moment expansion of g(n) = n·ln(n/μ) about the mean μ = ab/N (so the term is E[g]/N):
 *       <pre>E[g] ≈ m₂/(2μ) − m₃/(6μ²) + m₄/(12μ³)</pre>
 *       with m₂, m₃, m₄ the hypergeometric's exact central moments. Error bound (Taylor's remainder of g,
 *       g⁽⁵⁾(ξ) = −6/(μ+ξ)⁴, is |d|⁵·0.8/μ⁴ for n ≥ μ/2; below, |remainder| ≤ 2.2μ; by Hoeffding's convex-order
 *       theorem the hypergeometric's E|D|⁶ and lower tail are at most the binomial's, v = b·(a/N)(1 − a/N) ≤ μ;
 *       Bernstein gives P(n &lt; μ/2) ≤ e^(−3μ/28)):
 *       <pre>|E[g] − expansion| ≤ 0.8·(15v³ + 25v² + v)^(5/6)/μ⁴ + 2.2μ·e^(−3μ/28) ≤ 7.7·μ^(−3/2)</pre>
 *       i.e. below 2.2e-13 (absolute, on E[g] ≈ ½) as μ ≥ σ² &gt; 2³⁰; the pair's error on E[I] is that over N
 *       (N &gt; 2³⁰ here). The tests check the bound against the exact walk for σ² up to 2³⁶ and the value for
 *       2⁵⁶-per-cell tables against an mpmath reference (exact moments to order 12 at 400 digits).</li>
 * </ul>
 * Cost: Σ over distinct pairs of the walk length, about 18σ ≤ 2¹⁹·⁵ terms (a few milliseconds at most), or
 * a constant for the expansion; at N = 1e6 with 100 balanced clusters on each side a few milliseconds in all.
 * All counts are 64-bit; products are formed in double, so nothing overflows.
 */
final class ExpectedMutualInformation {

    /** Stop when the tail bound is below this fraction of the mass summed so far. */
    private static final double TAIL = 0x1p-60;
    /** Pairs whose cell-count variance exceeds this take the moment expansion instead of the walk. */
    static final double EXPANSION_VARIANCE = 0x1p30;

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
                double term = (double) mi * mj * pair(ai, bj, n);
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

    /** Σ_n P(n)·(n/N)·ln(N·n/(a·b)) for one pair (a, b), by the walk described in the class comment. */
    static double pair(long a, long b, long n) {
        long lo = Math.max(0, a + b - n);
        long hi = Math.min(a, b);
        if (lo == hi) {
            // one possible count, so lo = ab/N up to rounding and the term is 0 up to rounding
            return lo == 0 ? 0.0 : (double) lo / n * (Math.log(n) + Math.log(lo) - Math.log(a) - Math.log(b));
        }
        if (variance(a, b, n) > EXPANSION_VARIANCE) {
            return expansion(a, b, n) / n;
        }
        return walk(a, b, n, lo, hi);
    }

    /** m₂ of the cell count: b·(a/N)·((N − a)/N)·((N − b)/(N − 1)). */
    static double variance(long a, long b, long n) {
        double nn = n;
        return b * (a / nn) * ((n - a) / nn) * ((n - b) / (nn - 1));
    }

    /**
     * E[n·ln(n/μ)] for a hypergeometric n (row sum a, column sum b, N samples, mean μ = ab/N) by its moment
     * expansion m₂/(2μ) − m₃/(6μ²) + m₄/(12μ³); see the class comment for when it is used and its bound.
     * Central moments: m₃ = m₂·(N − 2a)(N − 2b)/(N(N − 2)); m₄ = m₂²·(3 + γ₂) with the excess kurtosis
     * γ₂ = [(N − 1)N²(N(N + 1) − 6a(N − a) − 6b(N − b)) + 6ab(N − a)(N − b)(5N − 6)]
     *      / [ab(N − a)(N − b)(N − 2)(N − 3)]
     * (in double: each factor is formed to a relative ε, N⁴ ≤ 2²⁵² stays in range).
     */
    static double expansion(long a, long b, long n) {
        double nn = n;
        double mu = b * (a / nn);
        double m2OverMu = ((n - a) / nn) * ((n - b) / (nn - 1));
        double m3OverMu2 = m2OverMu * ((nn - 2.0 * a) / nn) * ((nn - 2.0 * b) / (nn - 2)) / mu;
        double ab = (double) a * b;
        double rest = (double) (n - a) * (double) (n - b);
        double excess = ((nn - 1) * nn * nn * (nn * (nn + 1) - 6.0 * a * (n - a) - 6.0 * b * (n - b))
                + 6 * ab * rest * (5 * nn - 6)) / (ab * rest * (nn - 2) * (nn - 3));
        double m4OverMu3 = (3 + excess) * m2OverMu * m2OverMu / mu;
        return m2OverMu / 2 - m3OverMu2 / 6 + m4OverMu3 / 12;
    }

    /**
     * The walk from the mode described in the class comment, for lo &lt; hi. Each term is
     * h(k) = k·ln(k/μ) − (k − μ) = μ·φ(d/μ), d = k − μ, rather than g(k) = k·ln(k/μ): E[k − μ] = 0, so the sum is
     * the same, but h ≥ 0 is second order in d while g's terms are first order and cancel — and with them a
     * rounding error δ of ln μ came out as μ·δ (1e-4 relative at μ = 2³²). d is exact at the mode (integer
     * arithmetic) and steps by 1.
     */
    static double walk(long a, long b, long n, long lo, long hi) {
        // mode of the hypergeometric: floor((a+1)(b+1)/(N+2)), clamped to the support
        long mode = (long) Math.floor(((double) a + 1) * ((double) b + 1) / ((double) n + 2));
        mode = Math.max(lo, Math.min(hi, mode));
        double mu = (double) a * (double) b / n;
        // mode − μ = (mode·N − a·b)/N, its numerator exact in 128 bits
        double dMode = BigInteger.valueOf(mode).multiply(BigInteger.valueOf(n))
                .subtract(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))).doubleValue() / n;
        long nab = n - a - b; // N − a − b (may be negative)
        double mass = 1;
        double weighted = h(mode, dMode, mu);
        // upwards: P(k+1)/P(k) = (a−k)(b−k)/((k+1)(N−a−b+k+1))
        double p = 1;
        for (long k = mode; k < hi; k++) {
            double r = (double) (a - k) * (double) (b - k) / ((double) (k + 1) * (double) (nab + k + 1));
            p *= r;
            mass += p;
            weighted += p * h(k + 1, dMode + (k + 1 - mode), mu);
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
            weighted += p * h(k - 1, dMode + (k - 1 - mode), mu);
            if (r < 1 && p * r / (1 - r) < TAIL * mass) {
                break;
            }
        }
        return weighted / mass / n;
    }

    /** Coefficients of φ(t)/t² = Σ_{j≥0} (−1)^j t^j/((j+2)(j+1)), φ(t) = (1+t)·ln(1+t) − t. */
    private static final double[] PHI = new double[14];

    static {
        for (int j = 0; j < PHI.length; j++) {
            PHI[j] = (j % 2 == 0 ? 1.0 : -1.0) / ((j + 2.0) * (j + 1.0));
        }
    }

    /** h(k) = μ·φ(d/μ) for d = k − μ: the series for |t| &lt; 1/16 (14 terms reach 2⁻⁵³), log1p beyond. */
    private static double h(long k, double d, double mu) {
        if (k == 0) {
            return mu; // φ(−1) = 1
        }
        double t = d / mu;
        if (Math.abs(t) < 0.0625) {
            double poly = PHI[PHI.length - 1];
            for (int j = PHI.length - 2; j >= 0; j--) {
                poly = poly * t + PHI[j];
            }
            return mu * t * t * poly;
        }
        return mu * ((1 + t) * Math.log1p(t) - t);
    }
}

package org.shannon4j.drift;

/**
 * The two-sided two-sample Kolmogorov–Smirnov test as scipy 1.10's {@code stats.ks_2samp} computes it in its
 * default {@code method='auto'} for samples of at most 10,000 values each: the exact p-value
 * ({@code _attempt_exact_2kssamp}): h = round(D·lcm(n₁, n₂)); for n₁ = n₂ the Horner-like sum of
 * {@code _compute_prob_outside_square}, otherwise the lattice-path recursion of
 * {@code _compute_outer_prob_inside_method} (Hodges' inside method rewritten for 1 − p, Viehmann 2021). Above
 * that, or where the exact recursion leaves [0, 1] (scipy then warns and uses the rounded statistic h/lcm), the
 * p-value is {@code kstwo.sf(d, round(n₁n₂/(n₁ + n₂)))} ({@link KolmogorovDistribution}).
 */
final class KolmogorovSmirnov {

    /** scipy's {@code MAX_AUTO_N}: 'auto' is exact when both sizes are at most this. */
    static final int MAX_EXACT_N = 10_000;

    private KolmogorovSmirnov() {
    }

    /**
     * The two-sided p-value of statistic d for sizes n1, n2, as ks_2samp's 'auto' mode: exact when both sizes are
     * at most {@link #MAX_EXACT_N} and the exact recursion stays in [0, 1], else {@code kstwo.sf(d, round(en))}
     * with en = n₁n₂/(n₁ + n₂).
     */
    static double pValue(int n1, int n2, double d) {
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            long g = gcd(n1, n2);
            long lcm = (n1 / g) * n2;
            long h = (long) Math.rint(d * lcm); // np.round: half to even
            if (h == 0) {
                return 1.0;
            }
            double p = n1 == n2 ? outsideSquare(n1, h) : outerInside(n1, n2, g, h);
            if (p >= 0 && p <= 1) {
                return p;
            }
            // _attempt_exact_2kssamp failed: scipy warns and goes on with the rounded statistic h / lcm
            d = h * 1.0 / lcm;
        }
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = m * n / (m + n);
        double p = KolmogorovDistribution.kstwoSf(d, (int) Math.rint(en));
        return p < 0 ? 0.0 : Math.min(p, 1.0);
    }

    /** scipy's {@code _compute_prob_outside_square(n, h)}: 2·A0·(1 − A1·(1 − A2·(…))). */
    private static double outsideSquare(long n, long h) {
        double p = 0.0;
        long k = n / h; // floor(n / h)
        while (k >= 0) {
            double p1 = 1.0;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    /** scipy's {@code _compute_outer_prob_inside_method(m, n, g, h)}: the share of paths leaving the band. */
    private static double outerInside(long m0, long n0, long g, long h) {
        long m = Math.max(m0, n0);
        long n = Math.min(m0, n0);
        long mg = m / g;
        long ng = n / g;
        long minj = 0;
        long maxj = Math.min((long) Math.ceil((double) h / mg), n + 1);
        long curlen = maxj - minj;
        int lenA = (int) Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        java.util.Arrays.fill(a, 1.0);
        for (long j = minj; j < maxj; j++) {
            a[(int) j] = 0.0;
        }
        for (long i = 1; i <= m; i++) {
            long lastminj = minj;
            long lastlen = curlen;
            minj = Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
            minj = Math.min(minj, n);
            maxj = Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++) {
                long j = jj + minj;
                val = (a[(int) (jj + minj - lastminj)] * i + val * j) / (i + j);
                a[(int) jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                for (long k = maxj - minj; k < maxj - minj + (lastlen - curlen) && k < lenA; k++) {
                    a[(int) k] = 1;
                }
            }
        }
        return a[(int) (maxj - minj - 1)];
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}

package org.shannon4j.continuous;

/**
 * The standard normals of numpy's legacy {@code np.random.RandomState(seed).standard_normal(...)}, which is what
 * scikit-learn's {@code check_random_state(int)} hands its k-NN estimators: MT19937 seeded by {@code init_genrand}
 * (numpy's {@code mt19937_seed}: an integer seed, not {@code init_by_array}), 53-bit doubles from two 32-bit
 * outputs, and Marsaglia's polar method, whose second normal is kept for the next call ({@code legacy_gauss}).
 *
 * <p>The one step that cannot be copied bit for bit is numpy's {@code log}: it is the C library's, and glibc's
 * rounds some of these arguments the other way (errors just above half an ulp; on x86-64 glibc also picks a
 * separate FMA build of it where the CPU has FMA). The logarithm here is correctly rounded and portable
 * (double-double arithmetic, {@code Math.fma} only), so the normals equal numpy's on x86-64 glibc except for about
 * one in 3,000 (1 in 2,300 to 3,700 per seed over 133,332 draws), which are one or two ulps off. Scaled by
 * scikit-learn's 1e-10·max(1, mean|v|), such a difference is about 1e-26 of the values, far below their last bit, so
 * the noisy values are the same.
 *
 * <p>Not thread-safe: one instance per sequence of draws.
 */
final class NumpyRandomState {

    private static final int N = 624;
    private static final int M = 397;

    private final int[] state = new int[N];
    private int position;
    private boolean hasGauss;
    private double gauss;

    /**
     * The generator of {@code np.random.RandomState(seed)}.
     *
     * @param seed numpy's integer seed, 0 ≤ seed ≤ 2³² − 1
     * @throws IllegalArgumentException outside that range (numpy's {@code ValueError})
     */
    NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("randomState = " + seed + ": numpy's RandomState takes seeds in "
                    + "0..4294967295 (2^32 - 1)");
        }
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            state[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        position = N;
    }

    /**
     * Fills {@code out} with the next standard normals, in order ({@code standard_normal(size=out.length)}; a
     * 2-D size is the same draws in row-major order).
     *
     * @param out the array to fill
     */
    void standardNormal(double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = nextGaussian();
        }
    }

    private double nextGaussian() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    private double nextDouble() {
        long a = Integer.toUnsignedLong(next()) >>> 5;
        long b = Integer.toUnsignedLong(next()) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    private int next() {
        if (position == N) {
            twist();
        }
        int y = state[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7fffffff);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        position = 0;
    }

    // ------------------------------------------------------------------------------------------ the logarithm

    private static final double LN2_HI = 0x1.62e42fefa39efp-1;
    private static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    /** Terms of the atanh series: |s| ≤ 0.172, so s^44 is below 2^-110 of the sum. */
    private static final int TERMS = 22;
    /** 1 / (2j + 1) in double-double. */
    private static final double[] INVERSE_HI = new double[TERMS];
    private static final double[] INVERSE_LO = new double[TERMS];

    static {
        for (int j = 0; j < TERMS; j++) {
            double d = 2 * j + 1;
            INVERSE_HI[j] = 1.0 / d;
            INVERSE_LO[j] = Math.fma(-INVERSE_HI[j], d, 1.0) / d;
        }
    }

    /**
     * ln x of a positive normal double, correctly rounded except within ~2^-100 of a rounding boundary: x =
     * m·2^e with m in [√½, √2], ln m = 2·atanh(s), s = (m − 1)/(m + 1), the series and e·ln 2 summed in
     * double-double.
     */
    static double log(double x) {
        int e = Math.getExponent(x);
        double m = Math.scalb(x, -e);
        if (m > 0x1.6a09e667f3bcdp+0) {
            m *= 0.5;
            e++;
        }
        double f = m - 1.0; // exact (Sterbenz)
        double dh = m + 1.0;
        double bv = dh - m;
        double dl = (m - (dh - bv)) + (1.0 - bv);
        double sh = f / dh;
        double sl = (Math.fma(-sh, dh, f) - sh * dl) / dh;
        double uh = sh * sh;
        double ul = Math.fma(sh, sh, -uh) + 2 * sh * sl;
        double ph = INVERSE_HI[TERMS - 1];
        double pl = INVERSE_LO[TERMS - 1];
        for (int j = TERMS - 2; j >= 0; j--) {
            double th = ph * uh;
            double tl = Math.fma(ph, uh, -th) + (ph * ul + pl * uh);
            double sum = th + INVERSE_HI[j];
            double b = sum - th;
            double err = (th - (sum - b)) + (INVERSE_HI[j] - b) + tl + INVERSE_LO[j];
            ph = sum + err;
            pl = err - (ph - sum);
        }
        double qh = sh * ph;
        double ql = Math.fma(sh, ph, -qh) + (sh * pl + sl * ph);
        qh *= 2;
        ql *= 2;
        double kh = e * LN2_HI;
        double kl = Math.fma(e, LN2_HI, -kh) + e * LN2_LO;
        double sum = kh + qh;
        double b = sum - kh;
        double err = (kh - (sum - b)) + (qh - b) + kl + ql;
        return sum + err;
    }
}

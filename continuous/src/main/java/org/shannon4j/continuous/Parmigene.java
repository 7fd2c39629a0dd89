package org.shannon4j.continuous;

import org.shannon4j.spi.Context;

/**
 * parmigene's {@code knnmi(x, y, k, noise)} (R package parmigene 1.1, src/bridge.c {@code mi_single}): each variable
 * is standardised with the sample standard deviation and shifted so that its minimum is 0 (a constant variable is
 * left as is), then {@code noise · r/32767} is added to x and then y, r from the C library's classic LCG
 * (seed·1103515245 + 12345, bits 16…30) seeded with n·k·(⌊x[n/2]⌋·100) from the raw x, and the result is KSG
 * algorithm 2 on the two columns. All of it is reproduced, including the noise, so its public values (noise =
 * 1e-12 by default) come out here too, except on ties: where several points lie at the k-th distance, parmigene's
 * grid search takes them in its own order and this search the lowest index, which changes KSG2's counts (its
 * default noise, r/32767·1e-12, is below an ulp of the standardised values, so exact ties survive it). A mean or
 * standard deviation that overflows (where parmigene returns NaN) is an error naming the largest value.
 */
final class Parmigene {

    private Parmigene() {
    }

    static double knnmi(Context context, double[] x, double[] y, int k, double noise) {
        java.util.Objects.requireNonNull(x, "x must not be null");
        java.util.Objects.requireNonNull(y, "y must not be null");
        Samples.checkSameLength("x", x.length, "y", y.length);
        if (k < 2) {
            throw new IllegalArgumentException("k = " + k + ": parmigene's knnmi needs k >= 2");
        }
        Samples.checkK(k, x.length, "x");
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise = " + noise + ": must be finite and >= 0");
        }
        int n = x.length;
        Samples.rows("x", x, 1);
        Samples.rows("y", y, 1);
        // C: unsigned int seed = n * k * ((int) x[n/2] * 100), in wrapping 32-bit arithmetic
        int[] seed = {n * k * (cInt(x[n / 2]) * 100)};
        double[] nx = normalize("x", x);
        double[] ny = normalize("y", y);
        addNoise(nx, noise, seed);
        addNoise(ny, noise, seed);
        return new MultivariateKsg(context, KsgAlgorithm.KSG2, 0, 0, false).mutualInformation(nx, 1, ny, 1, k);
    }

    /**
     * C's {@code (int) v} as x86-64 compiles it (cvttsd2si): truncation, and INT_MIN for a value outside the int range
     * (undefined in C; Java's cast clamps to INT_MAX instead, which gave parmigene's noise another seed).
     */
    static int cInt(double v) {
        return v > -2147483649.0 && v < 2147483648.0 ? (int) v : Integer.MIN_VALUE;
    }

    /** points.c normalize: (v − mean)/sd with plain sums and the n − 1 variance, then minus the minimum. */
    private static double[] normalize(String name, double[] v) {
        int n = v.length;
        double m = 0;
        for (double a : v) {
            m += a;
        }
        m /= n;
        double s = 0;
        for (double a : v) {
            s += (a - m) * (a - m);
        }
        s = Math.sqrt(s / (n - 1));
        if (!Double.isFinite(m) || !Double.isFinite(s)) {
            int at = Samples.largestMagnitude(v);
            throw new IllegalArgumentException(name + "[" + at + "] = " + v[at] + ": the mean or standard deviation"
                    + " of " + name + " overflows (parmigene's knnmi returns NaN): scale the values down");
        }
        double[] out = v.clone();
        if (s > 0) {
            double l = Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                out[i] = (v[i] - m) / s;
                l = Math.min(l, out[i]);
            }
            for (int i = 0; i < n; i++) {
                out[i] -= l;
            }
        }
        return out;
    }

    private static void addNoise(double[] v, double noise, int[] seed) {
        if (noise == 0) {
            return; // the generator still runs in C, but adding 0·r changes nothing
        }
        for (int i = 0; i < v.length; i++) {
            seed[0] = seed[0] * 1103515245 + 12345;
            int r = (seed[0] >>> 16) & 0x7FFF;
            v[i] += (1.0 * r / 32767) * noise;
        }
    }
}

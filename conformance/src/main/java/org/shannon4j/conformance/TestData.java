package org.shannon4j.conformance;

import java.util.SplittableRandom;

/** Reproducible random distributions for the suites (and for benchmarks that want the same shapes). */
public final class TestData {

    private TestData() {
    }

    /**
     * A Dirichlet(alpha) sample of length n with roughly {@code zeroFraction} exact zeros, normalised in double
     * so that it passes {@code Normalization.REQUIRE} (|Σ − 1| ≤ one rounding per entry). Small alpha gives
     * skewed vectors with many tiny entries.
     */
    public static double[] dirichlet(SplittableRandom rnd, int n, double alpha, double zeroFraction) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() < zeroFraction ? 0 : gamma(rnd, alpha);
        }
        if (allZero(x)) {
            x[rnd.nextInt(n)] = 1;
        }
        return normalised(x);
    }

    /** The same as float, rounded from the double vector (|Σ − 1| stays within one float rounding per entry). */
    public static float[] toFloat(double[] p) {
        float[] f = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            f[i] = (float) p[i];
        }
        return f;
    }

    /** x divided by its exactly-rounded sum. */
    public static double[] normalised(double[] x) {
        double s = DoubleDoubleSum.of(x);
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = x[i] / s;
        }
        return p;
    }

    private static boolean allZero(double[] x) {
        for (double v : x) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** Marsaglia–Tsang gamma(alpha, 1), with the alpha &lt; 1 boost. */
    static double gamma(SplittableRandom rnd, double alpha) {
        if (alpha < 1) {
            double u = rnd.nextDouble();
            return gamma(rnd, alpha + 1) * Math.pow(u, 1 / alpha);
        }
        double d = alpha - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal(rnd);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rnd.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Exact-to-rounding sum (double-double accumulation). */
    static final class DoubleDoubleSum {
        private DoubleDoubleSum() {
        }

        static double of(double[] x) {
            DoubleDouble s = DoubleDouble.ZERO;
            for (double v : x) {
                s = s.add(v);
            }
            return s.doubleValue();
        }
    }
}

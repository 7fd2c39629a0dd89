package org.shannon4j.bench;

import java.util.SplittableRandom;

import org.shannon4j.Normalization;

/**
 * Reproducible benchmark inputs: a pair of probability vectors (p, q) of length n from a fixed seed.
 *
 * <ul>
 *   <li>p ~ Dirichlet({@value #P_ALPHA}) — skewed — with about {@value #P_ZERO_FRACTION} of its entries set to
 *       exactly 0 before normalisation, so the zero branches of the kernels are exercised;</li>
 *   <li>q ~ Dirichlet({@value #Q_ALPHA}), a different, flatter distribution with no zeros at all, so
 *       cross-entropy and KL divergence are finite.</li>
 * </ul>
 *
 * Both are normalised in double with a compensated sum. The float versions are the double ones cast to float
 * and renormalised once more in double-accumulated arithmetic, so that every vector passes
 * {@link Normalization#REQUIRE}: |Σ − 1| ≤ {@link Normalization#sumTolerance(int, boolean)} (16·ε·√n). Generation
 * checks this (and q &gt; 0 wherever p &gt; 0) and throws if it ever fails.
 */
public final class Distributions {

    /** The seed used by the JMH benchmarks and by {@code compare} unless {@code --seed} is given. */
    public static final long DEFAULT_SEED = 0x5EED_5A11_0A4EL;
    /** Dirichlet concentration of p (below 1: skewed, many tiny entries). */
    public static final double P_ALPHA = 0.5;
    /** Dirichlet concentration of q. */
    public static final double Q_ALPHA = 2.0;
    /** Fraction of p's entries that are exactly 0. */
    public static final double P_ZERO_FRACTION = 0.10;

    private Distributions() {
    }

    /** A pair of double probability vectors of the same length. */
    public record DoublePair(double[] p, double[] q) {
        public int length() {
            return p.length;
        }

        /** The same distributions cast to float and renormalised (see the class comment). */
        public FloatPair toFloat() {
            FloatPair f = new FloatPair(toFloatNormalised(p), toFloatNormalised(q));
            f.check();
            return f;
        }
    }

    /** A pair of float probability vectors of the same length. */
    public record FloatPair(float[] p, float[] q) {
        public int length() {
            return p.length;
        }

        void check() {
            checkSum("p", sum(p), p.length, true);
            checkSum("q", sum(q), q.length, true);
            for (int i = 0; i < p.length; i++) {
                checkEntry(i, p[i], q[i]);
            }
        }
    }

    /** The double pair of length {@code n} for {@code seed}. */
    public static DoublePair doublePair(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + ": must be >= 1");
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom pRandom = root.split();
        SplittableRandom qRandom = root.split();
        double[] p = new double[n];
        double[] q = new double[n];
        boolean anyPositive = false;
        for (int i = 0; i < n; i++) {
            boolean zero = pRandom.nextDouble() < P_ZERO_FRACTION;
            double g = gamma(pRandom, P_ALPHA);
            p[i] = zero ? 0.0 : g;
            anyPositive |= !zero;
            q[i] = gamma(qRandom, Q_ALPHA);
        }
        if (!anyPositive) {
            p[0] = 1.0;
        }
        normalise(p);
        normalise(q);
        DoublePair pair = new DoublePair(p, q);
        checkSum("p", sum(p), n, false);
        checkSum("q", sum(q), n, false);
        for (int i = 0; i < n; i++) {
            checkEntry(i, p[i], q[i]);
        }
        return pair;
    }

    /** The benchmark inputs for a JMH {@code type} parameter: the double pair, or its float version. */
    public record Inputs(boolean isFloat, double[] pd, double[] qd, float[] pf, float[] qf) {
    }

    /** Inputs of length {@code n} (default seed) for {@code type} = "double" or "float". */
    public static Inputs forType(String type, int n) {
        DoublePair d = doublePair(n, DEFAULT_SEED);
        return switch (type) {
            case "double" -> new Inputs(false, d.p(), d.q(), null, null);
            case "float" -> {
                FloatPair f = d.toFloat();
                yield new Inputs(true, null, null, f.p(), f.q());
            }
            default -> throw new IllegalArgumentException("type = " + type + ": expected double or float");
        };
    }

    /** The float pair of length {@code n} for {@code seed}: {@code doublePair(n, seed).toFloat()}. */
    public static FloatPair floatPair(int n, long seed) {
        return doublePair(n, seed).toFloat();
    }

    // ------------------------------------------------------------------------------------------------------

    /** Gamma(a, 1) by Marsaglia and Tsang (2000), with the U^(1/a) boost for a &lt; 1. Always &gt; 0. */
    static double gamma(SplittableRandom r, double a) {
        if (a < 1) {
            double u = 1.0 - r.nextDouble(); // (0, 1]
            double g = gamma(r, a + 1) * Math.pow(u, 1 / a);
            return g > 0 ? g : Double.MIN_NORMAL;
        }
        double d = a - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = r.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = 1.0 - r.nextDouble();
            if (u < 1 - 0.0331 * (x * x) * (x * x)
                    || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** Divides by the compensated sum, twice if the first rounding left it outside the REQUIRE tolerance. */
    private static void normalise(double[] a) {
        for (int round = 0; round < 3; round++) {
            double s = sum(a);
            if (round > 0 && Math.abs(s - 1) <= Normalization.sumTolerance(a.length, false)) {
                return;
            }
            for (int i = 0; i < a.length; i++) {
                a[i] /= s;
            }
        }
    }

    private static float[] toFloatNormalised(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        for (int round = 0; round < 3; round++) {
            double s = sum(f);
            if (Math.abs(s - 1) <= Normalization.sumTolerance(f.length, true) / 4) {
                break;
            }
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) (f[i] / s);
            }
        }
        return f;
    }

    /** Neumaier-compensated sum. */
    static double sum(double[] a) {
        double s = 0;
        double c = 0;
        for (double x : a) {
            double t = s + x;
            c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            s = t;
        }
        return s + c;
    }

    /** Neumaier-compensated sum of the float values, in double. */
    static double sum(float[] a) {
        double s = 0;
        double c = 0;
        for (float f : a) {
            double x = f;
            double t = s + x;
            c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            s = t;
        }
        return s + c;
    }

    private static void checkSum(String name, double sum, int n, boolean float32) {
        double tolerance = Normalization.sumTolerance(n, float32);
        if (!(Math.abs(sum - 1) <= tolerance)) {
            throw new IllegalStateException("generated " + name + " (" + (float32 ? "float" : "double") + ", n = " + n
                    + ") sums to " + sum + ", outside the REQUIRE tolerance " + tolerance);
        }
    }

    private static void checkEntry(int i, double p, double q) {
        if (!(p >= 0 && p < Double.POSITIVE_INFINITY) || !(q > 0 && q < Double.POSITIVE_INFINITY)) {
            throw new IllegalStateException("generated p[" + i + "] = " + p + ", q[" + i + "] = " + q
                    + ": expected finite p >= 0 and finite q > 0");
        }
    }
}

package org.shannon4j.spi;

import static org.shannon4j.spi.KernelMath.compensated;
import static org.shannon4j.spi.KernelMath.sumError;

/**
 * The reference loops of {@link RowKernels}: one row at a time, {@code Math.log}, sums left to right. A backend's
 * row kernels are measured against these (the conformance suite). Final expressions are those of the
 * distribution measures: entropy max(0, ln S − T/S), KL max(0, U/Sp + ln(Sq/Sp)), JS clamped to [0, ln 2].
 */
public final class RowMath {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double LN2 = Math.log(2);

    private RowMath() {
    }

    private static double at(double[] d, float[] f, int i) {
        return d != null ? d[i] : f[i];
    }

    /** The entropy of a row from its sum S and T = Σ p·ln p (the distribution measures' expression). */
    public static double entropy(double s, double t) {
        return Math.max(0.0, Math.log(s) - t / s);
    }

    /** KL of a row pair from U = Σ p·ln(p/q) and the sums. */
    public static double kl(double u, double sp, double sq) {
        return Math.max(0.0, u / sp + Math.log(sq / sp));
    }

    /** JS of a row pair from its two halves Σ a·ln(a/m) and Σ b·ln(b/m) of the normalised rows. */
    public static double js(double ha, double hb) {
        return Math.min(Math.max(0.0, 0.5 * (ha + hb)), LN2);
    }

    /** ln(p/q) for p, q &gt; 0 finite, also where p/q leaves the normal range. */
    public static double logRatio(double p, double q) {
        double r = p / q;
        return r >= Double.MIN_NORMAL && r < INF ? Math.log(r) : Math.log(p) - Math.log(q);
    }

    /** See {@link RowKernels#rowEntropy(double[], int, int, int, double, double[], int)}. */
    public static double rowEntropy(double[] pd, float[] pf, int offset, int rows, int classes, double scale,
                                    double[] out, int outOffset) {
        double maxError = 0;
        for (int r = 0; r < rows; r++) {
            int base = offset + r * classes;
            double s = 0, t = 0;
            for (int c = 0; c < classes; c++) {
                double x = at(pd, pf, base + c);
                if (!(x >= 0 && x < INF)) {
                    return Double.NaN;
                }
                s += x;
                if (x > 0) {
                    t += x * Math.log(x);
                }
            }
            if (!(s > 0 && s < INF)) {
                return Double.NaN;
            }
            out[outOffset + r] = entropy(s, t) * scale;
            maxError = Math.max(maxError, Math.abs(s - 1));
        }
        return maxError;
    }

    /** See {@link RowKernels#rowKlDivergence} and {@link RowKernels#rowJsDivergence}. */
    public static double rowDivergence(boolean js, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf,
                                       int qOffset, int rows, int classes, double scale, double[] out,
                                       int outOffset) {
        double maxError = 0;
        for (int r = 0; r < rows; r++) {
            int pb = pOffset + r * classes, qb = qOffset + r * classes;
            double sp = 0, sq = 0, u = 0;
            for (int c = 0; c < classes; c++) {
                double p = at(pd, pf, pb + c), q = at(qd, qf, qb + c);
                if (!(p >= 0 && p < INF && q >= 0 && q < INF)) {
                    return Double.NaN;
                }
                sp += p;
                sq += q;
                if (!js && p > 0) {
                    u += q > 0 ? p * logRatio(p, q) : INF;
                }
            }
            if (!(sp > 0 && sp < INF && sq > 0 && sq < INF)) {
                return Double.NaN;
            }
            double value;
            if (js) {
                double ha = 0, hb = 0;
                for (int c = 0; c < classes; c++) {
                    double a = at(pd, pf, pb + c) / sp, b = at(qd, qf, qb + c) / sq, m = 0.5 * a + 0.5 * b;
                    if (a > 0) {
                        ha += a * logRatio(a, m);
                    }
                    if (b > 0) {
                        hb += b * logRatio(b, m);
                    }
                }
                value = js(ha, hb);
            } else {
                value = kl(u, sp, sq);
            }
            out[outOffset + r] = value * scale;
            maxError = Math.max(maxError, Math.max(Math.abs(sp - 1), Math.abs(sq - 1)));
        }
        return maxError;
    }

    /** The kl_div term of one element (nats); NaN for invalid input. */
    public static double klDivTerm(double x, double t, boolean logTarget) {
        if (x != x || x == INF) {
            return Double.NaN;
        }
        if (logTarget) {
            if (t != t || t == INF) {
                return Double.NaN;
            }
            return t == Double.NEGATIVE_INFINITY ? 0.0 : Math.exp(t) * (t - x);
        }
        if (!(t >= 0 && t < INF)) {
            return Double.NaN;
        }
        return t == 0 ? 0.0 : t * (Math.log(t) - x);
    }

    /** See {@link RowKernels#klDivLoss(double[], int, double[], int, int, boolean, double, double[], int)}. */
    public static double klDivLoss(double[] xd, float[] xf, int xOffset, double[] td, float[] tf, int tOffset,
                                   int length, boolean logTarget, double scale, double[] outD, float[] outF,
                                   int outOffset) {
        double sum = 0, comp = 0;
        for (int i = 0; i < length; i++) {
            double term = klDivTerm(at(xd, xf, xOffset + i), at(td, tf, tOffset + i), logTarget) * scale;
            if (term != term) {
                return Double.NaN;
            }
            if (outD != null) {
                outD[outOffset + i] = term;
            } else if (outF != null) {
                outF[outOffset + i] = (float) term;
            }
            double s = sum + term;
            comp += sumError(sum, term, s);
            sum = s;
        }
        return compensated(sum, comp);
    }
}

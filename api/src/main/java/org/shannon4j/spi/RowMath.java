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
    /** Rows summing above this may overflow x·ln x: they are measured from their normalised terms. */
    public static final double HUGE = 0x1p900;
    /**
     * Rows summing below this (subnormal entries, whose terms x·ln x are subnormal too and keep a few bits) are
     * measured from their normalised terms as well; above it a subnormal term's rounding is at most 2^-175 of the sum.
     */
    public static final double TINY = 0x1p-900;

    private RowMath() {
    }

    private static double at(double[] d, float[] f, int i) {
        return d != null ? d[i] : f[i];
    }

    /**
     * The entropy of a row from its sum S and T = Σ p·ln p (the distribution measures' expression).
     *
     * @param s the row sum S
     * @param t Σ p·ln p over the row
     * @return max(0, ln S − T/S), nats
     */
    public static double entropy(double s, double t) {
        return Math.max(0.0, Math.log(s) - t / s);
    }

    /**
     * KL of a row pair from U = Σ p·ln(p/q) and the sums.
     *
     * @param u Σ p·ln(p/q)
     * @param sp Σ p
     * @param sq Σ q
     * @return max(0, U/Sp + ln(Sq/Sp)), nats
     */
    public static double kl(double u, double sp, double sq) {
        return Math.max(0.0, u / sp + logRatio(sq, sp));
    }

    /**
     * JS of a row pair from its two halves over the normalised rows a, b and m = (a + b)/2.
     *
     * @param ha Σ a·ln(a/m)
     * @param hb Σ b·ln(b/m)
     * @return (ha + hb)/2 clamped to [0, ln 2], nats
     */
    public static double js(double ha, double hb) {
        return Math.min(Math.max(0.0, 0.5 * (ha + hb)), LN2);
    }

    /**
     * ln(p/q) for p, q &gt; 0 finite, also where p/q leaves the normal range.
     *
     * @param p the numerator, &gt; 0
     * @param q the denominator, &gt; 0
     * @return ln(p/q)
     */
    public static double logRatio(double p, double q) {
        double r = p / q;
        return r >= Double.MIN_NORMAL && r < INF ? Math.log(r) : Math.log(p) - Math.log(q);
    }

    /**
     * The reference of {@link RowKernels#rowEntropy(double[], int, int, int, double, double[], int)}.
     *
     * @param pd double input, or null
     * @param pf float input (when pd is null)
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes
     * @param scale factor applied to every result
     * @param out receives one value per row
     * @param outOffset index in out of the first row's value
     * @return max |row sum − 1|; NaN for invalid input
     */
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
            double h;
            if (s > HUGE || s < TINY) {
                // x·ln x may have overflowed, or be subnormal: the terms of the normalised row instead (each ≤ 1/e)
                double tn = 0;
                for (int c = 0; c < classes; c++) {
                    double a = at(pd, pf, base + c) / s;
                    if (a > 0) {
                        tn += a * Math.log(a);
                    }
                }
                h = entropy(1, tn);
            } else {
                // one class: the normalised row is {1}, entropy exactly 0 (ln S and T/S only cancel)
                h = classes == 1 ? 0.0 : entropy(s, t);
            }
            out[outOffset + r] = h * scale;
            maxError = Math.max(maxError, Math.abs(s - 1));
        }
        return maxError;
    }

    /**
     * The reference of {@link RowKernels#rowKlDivergence} and {@link RowKernels#rowJsDivergence}.
     *
     * @param js JS (else KL)
     * @param pd double p, or null
     * @param pf float p (when pd is null)
     * @param pOffset index of p's first element
     * @param qd double q, or null
     * @param qf float q (when qd is null)
     * @param qOffset index of q's first element
     * @param rows number of rows
     * @param classes number of classes
     * @param scale factor applied to every result
     * @param out receives one value per row
     * @param outOffset index in out of the first row's value
     * @return max |row sum − 1| over both; NaN for invalid input
     */
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
            } else if (sp > HUGE || sp < TINY) {
                // p·ln(p/q) may have overflowed (only p > 2^900 / 709 can), or be subnormal: the normalised terms
                // a·ln(a/b) instead, a = p/Sp, b = q/Sq (ln(p/q) + ln(Sq/Sp) where b underflows); +∞ only from
                // p > 0 = q
                double un = 0;
                for (int c = 0; c < classes; c++) {
                    double p = at(pd, pf, pb + c), q = at(qd, qf, qb + c), a = p / sp, b = q / sq;
                    if (a > 0) {
                        un += a * (b >= Double.MIN_NORMAL ? logRatio(a, b)
                                : q > 0 ? logRatio(p, q) + (Math.log(sq) - Math.log(sp)) : INF);
                    }
                }
                value = Math.max(0.0, un);
            } else {
                // one class: both normalised rows are {1}, KL exactly 0 (U/Sp and ln(Sq/Sp) only cancel)
                value = classes == 1 ? 0.0 : kl(u, sp, sq);
            }
            out[outOffset + r] = value * scale;
            maxError = Math.max(maxError, Math.max(Math.abs(sp - 1), Math.abs(sq - 1)));
        }
        return maxError;
    }

    /**
     * The kl_div term of one element.
     *
     * @param x the input (a log-probability)
     * @param t the target
     * @param logTarget whether t is a log-probability
     * @return the term in nats; NaN for invalid input or an overflowing e^t·0
     */
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

    /**
     * The reference of {@link RowKernels#klDivLoss(double[], int, double[], int, int, boolean, double, double[], int)}.
     *
     * @param xd double input, or null
     * @param xf float input (when xd is null)
     * @param xOffset index of the first input
     * @param td double targets, or null
     * @param tf float targets (when td is null)
     * @param tOffset index of the first target
     * @param length number of elements
     * @param logTarget whether the targets are log-probabilities
     * @param scale factor applied to every term
     * @param outD double terms, or null
     * @param outF float terms, or null
     * @param outOffset index of the first term
     * @return the compensated sum of the terms; NaN for invalid input
     */
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

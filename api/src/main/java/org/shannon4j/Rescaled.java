package org.shannon4j;

import static org.shannon4j.spi.KernelMath.compensated;
import static org.shannon4j.spi.KernelMath.sumError;

import java.lang.foreign.ValueLayout;

import org.shannon4j.internal.Checks;
import org.shannon4j.internal.Entropies;
import org.shannon4j.internal.Passes;
import org.shannon4j.spi.KernelMath;
import org.shannon4j.spi.Terms;

/**
 * The rare second pass of the distribution measures under NORMALIZE, for sums the one-pass formulas cannot take:
 * a sum below {@link #TINY} (subnormal entries, whose terms p·ln p, p·ln q are subnormal too and keep only a few
 * bits: entropy of {MIN_VALUE, MIN_VALUE} came out 0.253 instead of ln 2), and, for Jensen–Shannon, a ratio Σp/Σq
 * beyond the double range. The measures are those of the normalised vectors, so each input is multiplied by the
 * power of two that brings its sum into [1, 2) and the terms are recomputed from the scaled values with the
 * reference terms of {@link KernelMath} and compensated sums, on the calling thread (any backend gives the same
 * bits here). Entropy, cross-entropy and KL only ever scale up, which is exact for every entry (the scaled
 * entries stay below 2), so zeros stay zeros and p &gt; 0 where q = 0 stays +∞. Jensen–Shannon may scale its
 * larger input down; entries that then lose bits or vanish lie 2^-1022 below its sum, and its terms are bounded
 * by their weight·ln 2, so they change nothing visible. The Hellinger distance takes this pass also for a sum
 * above {@link #HUGE}, under both policies (it normalises exactly under both).
 */
final class Rescaled {

    /**
     * Sums below this take the rescaled pass: above it a subnormal term's rounding (2^-1075) is at most 2^-175 of
     * the sum, however many there are, and 16·2^-1075·n/Σ stays far below every bound.
     */
    static final double TINY = 0x1p-900;

    /**
     * Float cross-entropy with Σp below this takes the rescaled pass too: vector kernels may form p·ln q in float,
     * and with the whole mass of p this small those products are subnormal floats that keep a few bits (p =
     * {MIN_VALUE, 0, …} came out 5% off). Above it a subnormal product's rounding (2^-150) is at most 2^-90 of
     * Σp, so n of them stay far below the float bound.
     */
    static final double FLOAT_TINY = 0x1p-60;

    /** Sums above this take the rescaled pass of the Hellinger distance, whose terms add up to 2·Σp. */
    static final double HUGE = 0x1p900;

    private Rescaled() {
    }

    /** The e with 2^e ≤ s &lt; 2^(e+1), for any positive finite s, subnormals included. */
    static int exponent(double s) {
        return s >= Double.MIN_NORMAL ? Math.getExponent(s) : Math.getExponent(s * 0x1p64) - 64;
    }

    /** The scale exponent that brings a sum s into [1, 2) if s &lt; TINY, else 0 (inputs left as they are). */
    private static int upScale(double s) {
        return s < TINY ? -exponent(s) : 0;
    }

    /** Compensated sums (Neumaier) of a few series, indexed 0..n−1: the rare path may allocate. */
    private static final class Sums {
        private final double[] sum;
        private final double[] error;

        Sums(int n) {
            sum = new double[n];
            error = new double[n];
        }

        void add(int i, double x) {
            double t = sum[i] + x;
            error[i] += sumError(sum[i], x, t);
            sum[i] = t;
        }

        double total(int i) {
            return compensated(sum[i], error[i]);
        }
    }

    /** H(p/S) from p scaled by 2^k (S = Σp, known positive). */
    static double entropy(Object p, long offset, long length, ValueLayout layout, double sum) {
        int k = upScale(sum);
        Sums sums = new Sums(2);
        for (long i = 0; i < length; i++) {
            double x = Math.scalb(Checks.value(p, offset + i, layout), k);
            sums.add(0, x);
            sums.add(1, KernelMath.xLogX(x));
        }
        double s = sums.total(0);
        return Entropies.fromSums(s, sums.total(1));
    }

    /** Cross-entropy (kind {@link Terms#CROSS}) or KL ({@link Terms#KL}) of the normalised vectors. */
    static double pair(int kind, Object p, long pOffset, Object q, long qOffset, long length, ValueLayout layout,
                       double sumP, double sumQ) {
        int kp = upScale(sumP);
        int kq = upScale(sumQ);
        Sums sums = new Sums(3);
        for (long i = 0; i < length; i++) {
            double x = Math.scalb(Checks.value(p, pOffset + i, layout), kp);
            double y = Math.scalb(Checks.value(q, qOffset + i, layout), kq);
            sums.add(0, x);
            sums.add(1, y);
            sums.add(2, kind == Terms.CROSS ? KernelMath.xLogY(x, y) : KernelMath.xLogXOverY(x, y));
        }
        double sp = sums.total(0);
        double sq = sums.total(1);
        double t = sums.total(2);
        return kind == Terms.CROSS ? Math.max(0.0, Math.log(sq) - t / sp) : Math.max(0.0, t / sp + Math.log(sq / sp));
    }

    /**
     * Jensen–Shannon divergence of the normalised vectors, each scaled so that its sum is in [1, 2); the mixture
     * ratio is then in (1/2, 2). Symmetric to the bit when the caller passes the input with the larger sum first.
     */
    static double jsDivergence(Object p, long pOffset, Object q, long qOffset, long length, ValueLayout layout,
                               double sumP, double sumQ) {
        int kp = -exponent(sumP);
        int kq = -exponent(sumQ);
        double sp = Math.scalb(sumP, kp);
        double sq = Math.scalb(sumQ, kq);
        double c = sp / sq;
        Sums sums = new Sums(2);
        for (long i = 0; i < length; i++) {
            double x = Math.scalb(Checks.value(p, pOffset + i, layout), kp);
            double y = Math.scalb(Checks.value(q, qOffset + i, layout), kq);
            sums.add(0, KernelMath.jensenShannonP(x, y, c));
            sums.add(1, KernelMath.jensenShannonQ(x, y, c));
        }
        return 0.5 * (sums.total(0) / sp + sums.total(1) / sq);
    }

    /**
     * Squared Hellinger distance of the normalised vectors, each scaled so that its sum is in [1, 2) (the scale
     * c of q's roots is then in (0.7, 1.5)); for sums outside [{@link #TINY}, {@link #HUGE}]. Symmetric to the
     * bit when the caller passes the input with the larger sum first.
     */
    static double squaredHellinger(Object p, long pOffset, Object q, long qOffset, long length, ValueLayout layout,
                                   double sumP, double sumQ) {
        int kp = -exponent(sumP);
        int kq = -exponent(sumQ);
        double sp = Math.scalb(sumP, kp);
        double c = Math.sqrt(sp) / Math.sqrt(Math.scalb(sumQ, kq));
        Sums sums = new Sums(1);
        for (long i = 0; i < length; i++) {
            double x = Math.scalb(Checks.value(p, pOffset + i, layout), kp);
            double y = Math.scalb(Checks.value(q, qOffset + i, layout), kq);
            sums.add(0, KernelMath.hellinger(x, y, c));
        }
        return sums.total(0) / (2 * sp);
    }
}

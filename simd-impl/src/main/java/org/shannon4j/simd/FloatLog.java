package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.OR;
import static jdk.incubator.vector.VectorOperators.UGE;
import static jdk.incubator.vector.VectorOperators.ULT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.KernelMath;
import org.shannon4j.spi.Terms;

/**
 * Natural log of float lanes, fused into the float entropy and cross-entropy loop ({@link #loop}): no call
 * into the JDK's vector math library, no division, no scratch pass.
 *
 * <p>Algorithm: the float twin of {@link DoubleLog}. x = z·2^k with z in [0.703125, 1.40625); the 4 mantissa
 * bits below the exponent of {@code bits(x) − bits(0.703125)} pick one of 16 intervals, whose constants
 * {@code invc ≈ 1/c} and {@code logc = −ln invc} are one 16-float register each, read with a lane permute;
 * r = z·invc − 1 (one FMA, |r| ≤ 1/32) and ln x = (k·ln2 + logc) + (r + r²·P(r)) with P of degree 3 (relative
 * error of r + r²P below 2^-30), the two parts added once. The interval holding 1 has invc = 1 exactly, so near 1
 * the result is r + r²P with r exact. Tables and coefficients: {@code simd-impl/tools/log_tables.py}. Two
 * Fast2Sums (k·ln2_hi + logc, then + r) would make it 1 ulp, for seven more operations per vector, which cost
 * a fifth of the speed; the float bound (1e-6 relative) does not need them.
 *
 * <p>Special values: no blends on the common path. A vector holding a lane the vector log cannot take and whose
 * term counts (a subnormal p, q = 0 under p &gt; 0: cross-entropy's −∞) takes the scalar reference's terms for
 * its 16 lanes; {@link #logInto} gives {@code Math.log}'s value for every lane outside the normal range. (The
 * blends used to run on every vector with a zero, 81% of them in a histogram with 10% zeros.) A float term that
 * overflows (p from about 3.9e36, valid under NORMALIZE) makes the block's vector sum infinite, and then only that
 * block's terms are recomputed in double: no test per vector.
 *
 * <p>Accuracy: {@code FloatLogTest} asserts {@value #MAX_ULP_ERROR} ulp (the exhaustive run finds 1.4985 at x = 2.6928952)
 * against the log computed in double on
 * every 61st positive finite float and all floats near 1 by default, on all 2^31 − 2^23 of them with
 * {@code -Dshannon4j.exhaustive=true}.
 *
 * <p>Why one loop method with the log inline and not a {@code FloatVector log(FloatVector)} helper: a method
 * of ours that takes or returns a vector boxes it whenever C2 leaves it out of line (see {@link SimdKernels}).
 */
final class FloatLog {

    /** The error bound asserted by the tests, in units in the last place of the float result. */
    static final double MAX_ULP_ERROR = 1.5;

    /**
     * Stores the logs instead (tests, {@link #logInto}); the other loop kinds are the {@link Terms} codes
     * {@link Terms#X_LOG_X} and {@link Terms#CROSS}.
     */
    static final int LOG = 64; // far above every Terms code

    private static final VectorSpecies<Float> F = Species.F;
    private static final VectorSpecies<Double> D = Species.D;
    private static final VectorSpecies<Integer> I = Species.I;
    private static final int FL = F.length();
    private static final VectorSpecies<Float> FH =
            VectorSpecies.of(float.class, VectorShape.forBitSize(F.vectorBitSize() / 2));
    private static final int HALF = FL / 2;

    /** One table register of 16 float lanes, or pairs of 8 or 4 lanes merged with blends (see {@link DoubleLog}). */
    static final boolean SUPPORTED = FL == 16 || FL == 8 || FL == 4;

    private static final int OFF = 0x3f340000; // bits of 0.703125f
    private static final int MIN_NORMAL_BITS = 0x00800000;
    private static final int INF_BITS = 0x7f800000;
    private static final float LN2 = 0x1.62e430p-1f;
    private static final float[] INVC = {
        0x1.641d2cp+0f, 0x1.5564fap+0f, 0x1.47b9bap+0f, 0x1.3b20d8p+0f, 0x1.2f63fap+0f, 0x1.2495a4p+0f,
        0x1.1a814ap+0f, 0x1.11031cp+0f, 0x1.083b62p+0f, 0x1.000000p+0f, 0x1.e1ca14p-1f, 0x1.c711d4p-1f,
        0x1.af1f4ap-1f, 0x1.99a968p-1f, 0x1.8624d2p-1f, 0x1.746c6cp-1f};
    private static final float[] LOGC = {
        -0x1.51febep-2f, -0x1.26c50ep-2f, -0x1.f9da90p-3f, -0x1.a9944ep-3f, -0x1.5bd6dep-3f, -0x1.119064p-3f,
        -0x1.938896p-4f, -0x1.07882ap-4f, -0x1.0346b4p-5f, 0x0.0p+0f, 0x1.f237c2p-5f, 0x1.e2d004p-4f,
        0x1.601e68p-3f, 0x1.c8b076p-3f, 0x1.165524p-2f, 0x1.45ee94p-2f};
    private static final float P0 = -0x1.fffffep-2f;
    private static final float P1 = 0x1.555566p-2f;
    private static final float P2 = -0x1.00283cp-2f;
    private static final float P3 = 0x1.98bea8p-3f;
    private static final int[] INVC_BITS = bitsOf(INVC);
    private static final int[] LOGC_BITS = bitsOf(LOGC);
    private static final int OUT_A = 0;
    private static final int OUT_B = 1;
    private static final int OUT_P = 2;
    private static final int OUT_Q = 3;

    private FloatLog() {
    }

    private static int[] bitsOf(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Float.floatToRawIntBits(a[i]);
        }
        return b;
    }

    /** out[o + j] = ln x[from + j] for j in [0, to − from), a multiple of the float lane count. */
    static void logInto(float[] x, int from, int to, float[] out, int o) {
        loop(LOG, x, out, from, to, o - from, null);
    }

    /**
     * The one vector loop of the float-lane log kernels, the log written once, inline. X_LOG_X: Σ p·ln p;
     * CROSS: Σ p·ln q[i + shift]; zero p lanes add 0 (their log is finite), the terms are rounded to float (one-signed,
     * so float precision is enough) and accumulated in double lanes, with Σp and Σq, into OUT_A, OUT_P, OUT_Q
     * (OUT_B = 0). LOG: ln p stored to {@code q[i + shift]}. {@code [from, to)} is a multiple of 16 lanes.
     * Returns false if an element is negative.
     */
    static boolean loop(int kind, float[] p, float[] q, int from, int to, int shift, double[] out) {
        boolean hasQ = kind == Terms.CROSS;
        IntVector invcTable = IntVector.fromArray(I, INVC_BITS, 0);
        IntVector logcTable = IntVector.fromArray(I, LOGC_BITS, 0);
        FloatVector minusOne = FloatVector.broadcast(F, -1f);
        FloatVector ln2 = FloatVector.broadcast(F, LN2);
        FloatVector c0 = FloatVector.broadcast(F, P0);
        FloatVector c1 = FloatVector.broadcast(F, P1);
        FloatVector c2 = FloatVector.broadcast(F, P2);
        FloatVector c3 = FloatVector.broadcast(F, P3);
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, sp0 = t0, sp1 = t0, sq0 = t0, sq1 = t0;
        IntVector signs = IntVector.zero(I);
        double scalarTerms = 0;
        for (int i = from; i < to; i += FL) {
            FloatVector x = FloatVector.fromArray(F, p, i);
            FloatVector u = x;
            // The two halves widened straight from memory: convert(F2D, 1) of a register costs a permute and a
            // blend on top of the conversion.
            sp0 = sp0.add((DoubleVector) FloatVector.fromArray(FH, p, i).convertShape(F2D, D, 0));
            sp1 = sp1.add((DoubleVector) FloatVector.fromArray(FH, p, i + HALF).convertShape(F2D, D, 0));
            IntVector bx = (IntVector) x.viewAsIntegralLanes();
            signs = signs.or(bx);
            // A vector goes to the scalar terms only if a lane the vector log cannot take has a term that counts:
            // a subnormal p (entropy), q = 0 or subnormal under p > 0 (cross-entropy), anything outside the
            // normal range (LOG). Zero weights need nothing: the bit arithmetic below gives a finite log for
            // every bit pattern, and 0·finite = 0. Negative, NaN and infinite lanes show in signs and the sums.
            boolean special;
            if (kind == Terms.X_LOG_X) {
                special = bx.sub(1).compare(ULT, MIN_NORMAL_BITS - 1).anyTrue();
            } else if (kind == LOG) {
                special = bx.sub(MIN_NORMAL_BITS).compare(UGE, INF_BITS - MIN_NORMAL_BITS).anyTrue();
            } else {
                u = FloatVector.fromArray(F, q, i + shift);
                sq0 = sq0.add((DoubleVector) FloatVector.fromArray(FH, q, i + shift).convertShape(F2D, D, 0));
                sq1 = sq1.add((DoubleVector) FloatVector.fromArray(FH, q, i + shift + HALF).convertShape(F2D, D, 0));
                IntVector by = (IntVector) u.viewAsIntegralLanes();
                signs = signs.or(by);
                // |q| by clearing the sign: −0.0 (a valid zero) must count as q = 0, not as a huge unsigned value
                special = by.and(Integer.MAX_VALUE).compare(ULT, MIN_NORMAL_BITS).and(bx.compare(GT, 0)).anyTrue();
            }
            if (special) {
                for (int j = i; j < i + FL; j++) {
                    switch (kind) {
                        case LOG -> q[j + shift] = (float) Math.log(p[j]);
                        case Terms.X_LOG_X -> scalarTerms += KernelMath.xLogX(p[j]);
                        default -> scalarTerms += KernelMath.xLogY(p[j], q[j + shift]);
                    }
                }
                continue;
            }
            // ---- l = ln u
            IntVector b = (IntVector) u.viewAsIntegralLanes();
            IntVector m = b.sub(OFF);
            IntVector k = m.lanewise(ASHR, 23);
            IntVector idx = m.lanewise(LSHR, 19).and(15);
            FloatVector z = b.sub(k.lanewise(LSHL, 23)).viewAsFloatingLanes().reinterpretAsFloats();
            FloatVector kf = (FloatVector) k.convert(I2F, 0);
            IntVector invcBits, logcBits;
            if (FL == 16) {
                invcBits = idx.selectFrom(invcTable);
                logcBits = idx.selectFrom(logcTable);
            } else {
                // Pairs of table vectors, 2·FL entries each (selectFrom wraps modulo 2·FL), merged by blends.
                invcBits = idx.selectFrom(IntVector.fromArray(I, INVC_BITS, 0), IntVector.fromArray(I, INVC_BITS, FL));
                logcBits = idx.selectFrom(IntVector.fromArray(I, LOGC_BITS, 0), IntVector.fromArray(I, LOGC_BITS, FL));
                for (int pair = 2 * FL; pair < 16; pair += 2 * FL) {
                    VectorMask<Integer> here = idx.compare(GE, pair);
                    invcBits = invcBits.blend(idx.selectFrom(IntVector.fromArray(I, INVC_BITS, pair),
                            IntVector.fromArray(I, INVC_BITS, pair + FL)), here);
                    logcBits = logcBits.blend(idx.selectFrom(IntVector.fromArray(I, LOGC_BITS, pair),
                            IntVector.fromArray(I, LOGC_BITS, pair + FL)), here);
                }
            }
            FloatVector invc = invcBits.viewAsFloatingLanes().reinterpretAsFloats();
            FloatVector logc = logcBits.viewAsFloatingLanes().reinterpretAsFloats();
            FloatVector r = z.fma(invc, minusOne);
            FloatVector poly = r.fma(c3, c2).fma(r, c1).fma(r, c0);
            FloatVector l = kf.fma(ln2, logc).add(r.mul(r).fma(poly, r));
            if (kind == LOG) {
                l.intoArray(q, i + shift);
            } else {
                FloatVector term = x.mul(l); // 0 where p = 0: l is finite
                t0 = t0.add((DoubleVector) term.convert(F2D, 0));
                t1 = t1.add((DoubleVector) term.convert(F2D, 1)); // a permute and a blend: a scratch round trip was slower
            }
        }
        if (kind == LOG) {
            return true;
        }
        // Fixed lane order, not reduceLanes(ADD), whose order differs between C2 and cold code (see DoubleLog).
        DoubleVector t = t0.add(t1), sp = sp0.add(sp1), sq = sq0.add(sq1);
        double terms = 0, sumP = 0, sumQ = 0;
        for (int j = 0; j < HALF; j++) {
            terms += t.lane(j);
            sumP += sp.lane(j);
            sumQ += sq.lane(j);
        }
        if (!(Math.abs(terms) < Double.POSITIVE_INFINITY)) {
            // A float term overflowed (p from about 3.9e36: |p·ln p| beyond the float maximum, valid input under
            // NORMALIZE), or an invalid lane made it so: this block's terms again, in double. Checking the block's
            // sum once costs nothing per vector; the extra pass runs only for such blocks.
            terms = 0;
            scalarTerms = doubleTerms(kind, p, q, from, to, shift);
        }
        out[OUT_A] = terms + scalarTerms;
        out[OUT_B] = 0;
        out[OUT_P] = sumP;
        out[OUT_Q] = sumQ;
        if (signs.reduceLanes(OR) >= 0) {
            return true;
        }
        return noNegatives(p, from, to) && (!hasQ || noNegatives(q, from + shift, to + shift));
    }

    /** Σ p·ln p (X_LOG_X) or Σ p·ln q[i + shift] (CROSS) over [from, to) with the reference's double terms. */
    static double doubleTerms(int kind, float[] p, float[] q, int from, int to, int shift) {
        double sum = 0;
        for (int j = from; j < to; j++) {
            sum += kind == Terms.X_LOG_X ? KernelMath.xLogX(p[j]) : KernelMath.xLogY(p[j], q[j + shift]);
        }
        return sum;
    }

    private static boolean noNegatives(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }
}

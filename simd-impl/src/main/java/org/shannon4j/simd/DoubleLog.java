package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.L2D;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.OR;
import static jdk.incubator.vector.VectorOperators.UGE;
import static jdk.incubator.vector.VectorOperators.ULT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.KernelMath;

/**
 * Natural log of double lanes without a call into the JDK's vector math library and without a division:
 * a 16-entry table held in two registers and read with a two-vector lane permute, then a degree-9 polynomial.
 *
 * <p>Algorithm (the shape of the table-driven logs of ARM's optimized-routines and glibc, with a table small
 * enough for lane permutes): x = z·2^k with z in [0.703125, 1.40625); the 4 mantissa bits below the exponent
 * of {@code bits(x) − bits(0.703125)} pick one of 16 intervals, each with a constant {@code invc ≈ 1/c} and
 * {@code logc = −ln invc}; then r = z·invc − 1 (one FMA, |r| ≤ 1/32) and
 * ln x = k·ln2 + logc + r + r²·P(r), with P a degree-7 Chebyshev fit of (ln(1+r) − r)/r² (relative error of
 * r + r²P below 2^-55.7). The interval holding 1 has invc = 1 exactly, so near 1 the result is r + r²P with r
 * exact. The other invc were chosen so that ln(invc) is within 10^-4 ulp of a double: the tables are exact for
 * practical purposes. Tables and coefficients: {@code simd-impl/tools/log_tables.py}. Subnormal inputs are
 * scaled by 2^52 first.
 *
 * <p>Special values as {@code Math.log}: ln 0 = −∞, ln +∞ = +∞, NaN for negative or NaN lanes (a branch taken
 * only by vectors that hold such a lane or a subnormal, so the kernels' ratios p/q = ∞ or 0 stay right).
 *
 * <p>Accuracy: {@code DoubleLogTest} measures at most {@value #MAX_ULP_ERROR} ulp against
 * {@code StrictMath.log} on dense random samples over all binades and the edges (see its class comment for the
 * counts and the worst values found).
 *
 * <p>Array-to-array on purpose (out may be x itself): a method of ours that takes or returns a vector boxes it
 * whenever C2 does not inline it, see {@link SimdKernels}. Requires 8 double lanes ({@link #SUPPORTED}).
 */
final class DoubleLog {

    /** The error bound asserted by the tests, in ulps of the double result. */
    static final double MAX_ULP_ERROR = 1.0;

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

    /** The table is two vectors of 8 doubles: only 512-bit double vectors qualify. */
    static final boolean SUPPORTED = D.length() == 8;

    private static final long OFF = 0x3fe6800000000000L; // bits of 0.703125
    private static final long MIN_NORMAL_BITS = 0x0010000000000000L;
    private static final long INF_BITS = 0x7ff0000000000000L;
    private static final double LN2_HI = 0x1.62e42fefa3800p-1;
    private static final double LN2_LO = 0x1.ef35793c76730p-45;
    private static final double LN2 = 0x1.62e42fefa39efp-1;

    static final double[] INVC = {
        0x1.642f35d1b7a81p+0, 0x1.5542e6f28cc88p+0, 0x1.47b77315123f3p+0, 0x1.3b19d13628ad0p+0,
        0x1.2f5dc00ace519p+0, 0x1.2481fecb81358p+0, 0x1.1a6c64d22af05p+0, 0x1.1101b24817089p+0,
        0x1.0837a29bf6457p+0, 0x1.0000000000000p+0, 0x1.e1f2ac25ac287p-1, 0x1.c7077cd86914dp-1,
        0x1.af23fa3d854eep-1, 0x1.998e59bbfe896p-1, 0x1.86078d6a3d26cp-1, 0x1.7470aa9d9af40p-1};
    static final double[] LOGC = {
        -0x1.52329b27027cap-2, -0x1.265ed46cba234p-2, -0x1.f9cc55389daacp-3, -0x1.a966a345a75a7p-3,
        -0x1.5bacd5c17523bp-3, -0x1.1106dc8630591p-3, -0x1.925995d051562p-4, -0x1.0772f715e64d5p-4,
        -0x1.02d2831fd8c24p-5, 0x0.0p+0, 0x1.ef85a27986d09p-5, 0x1.e32d179ed02bbp-4,
        0x1.6008228218374p-3, 0x1.c937bc9370d90p-3, 0x1.16a1f877ce7e6p-2, 0x1.45e2e85a8e1bbp-2};
    private static final double P0 = -0x1.ffffffffffff6p-2;
    private static final double P1 = 0x1.55555555557ecp-2;
    private static final double P2 = -0x1.000000005181dp-2;
    private static final double P3 = 0x1.9999998c2daa1p-3;
    private static final double P4 = -0x1.555547a4e2a71p-3;
    private static final double P5 = 0x1.2492cc8112ac3p-3;
    private static final double P6 = -0x1.005e8e062ff07p-3;
    private static final double P7 = 0x1.c49296cc33448p-4;

    private DoubleLog() {
    }

    /** Loop kinds: what the fused loop takes the log of and what it accumulates (see {@link #loop}). */
    static final int ENTROPY = 0;
    static final int CROSS = 1;
    static final int KL = 2;
    static final int JS = 3;
    /** Stores the logs instead (tests, {@link #logInto}). */
    static final int LOG = 4;

    private static final VectorSpecies<Float> FH =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int DL = D.length();
    private static final int OUT_A = 0;
    private static final int OUT_B = 1;
    private static final int OUT_P = 2;
    private static final int OUT_Q = 3;
    private static final long[] INVC_BITS = bitsOf(INVC);
    private static final long[] LOGC_BITS = bitsOf(LOGC);

    private static long[] bitsOf(double[] a) {
        long[] b = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Double.doubleToRawLongBits(a[i]);
        }
        return b;
    }

    /**
     * out[o + j] = ln x[from + j] for j in [0, to − from), a multiple of 8; {@code out} may be {@code x} with
     * {@code o == from} (in place). Runs the fused loop (kind {@link #LOG}), so the tests of this method test
     * the very log the kernels use.
     */
    static void logInto(double[] x, int from, int to, double[] out, int o) {
        loop(LOG, x, out, null, null, from, to, o - from, 1.0, null);
    }

    /**
     * The one vector loop of every double-lane log kernel, with the log written once, inline: no scratch pass,
     * no call, no vector crossing a method boundary (a method of ours taking or returning vectors boxes them
     * whenever C2 leaves it out of line). {@code kind} picks the per-measure arithmetic; it is loop-invariant,
     * so the branches on it are perfectly predicted (and C2 may unswitch them). Each iteration takes two log
     * arguments u0, u1 with weights w0, w1 and adds w·ln u where w &gt; 0 (so 0·ln 0 never reaches a sum):
     * <ul>
     * <li>ENTROPY: u = w = p, for two consecutive vectors;
     * <li>CROSS: u = q, w = p; KL: u = p/q, w = p (two consecutive vectors, t0 + t1 into OUT_A);
     * <li>JS: one vector, u0 = 2p/m, u1 = 2cq/m with m = p + cq, w0 = p, w1 = q; t0 into OUT_A, t1 into OUT_B;
     * <li>LOG: one vector, ln u0 stored to {@code q[i + shift]}.
     * </ul>
     * Input is {@code p, q} or, when {@code pf != null}, the float arrays {@code pf, qf} widened to double
     * lanes (float KL and JS cancel when p ≈ q, so they are computed in double). {@code [from, to)} is a
     * multiple of 2·8 lanes (of 8 for JS and LOG). Writes OUT_A, OUT_B, OUT_P, OUT_Q; returns false if an
     * element is negative.
     */
    static boolean loop(int kind, double[] p, double[] q, float[] pf, float[] qf, int from, int to, int shift,
                        double c, double[] out) {
        boolean wide = pf != null;
        boolean single = kind == JS || kind == LOG;   // one input vector per iteration
        boolean hasQ = kind == CROSS || kind == KL || kind == JS;
        int second = single ? 0 : DL;
        int step = single ? DL : 2 * DL;
        LongVector invcLo = LongVector.fromArray(L, INVC_BITS, 0);
        LongVector invcHi = LongVector.fromArray(L, INVC_BITS, 8);
        LongVector logcLo = LongVector.fromArray(L, LOGC_BITS, 0);
        LongVector logcHi = LongVector.fromArray(L, LOGC_BITS, 8);
        DoubleVector minusOne = DoubleVector.broadcast(D, -1.0);
        DoubleVector ln2Hi = DoubleVector.broadcast(D, LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(D, LN2_LO);
        DoubleVector p0 = DoubleVector.broadcast(D, P0);
        DoubleVector p1 = DoubleVector.broadcast(D, P1);
        DoubleVector p2 = DoubleVector.broadcast(D, P2);
        DoubleVector p3 = DoubleVector.broadcast(D, P3);
        DoubleVector p4 = DoubleVector.broadcast(D, P4);
        DoubleVector p5 = DoubleVector.broadcast(D, P5);
        DoubleVector p6 = DoubleVector.broadcast(D, P6);
        DoubleVector p7 = DoubleVector.broadcast(D, P7);
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector t0 = zero, t1 = zero, sp0 = zero, sp1 = zero, sq0 = zero, sq1 = zero;
        LongVector signs = LongVector.zero(L);
        for (int i = from; i < to; i += step) {
            // ---- inputs: x = p lanes, y = q lanes (y = x where there is no q)
            DoubleVector x0, x1, y0 = zero, y1 = zero;
            if (wide) {
                x0 = (DoubleVector) FloatVector.fromArray(FH, pf, i).convertShape(F2D, D, 0);
                x1 = (DoubleVector) FloatVector.fromArray(FH, pf, i + second).convertShape(F2D, D, 0);
                y0 = (DoubleVector) FloatVector.fromArray(FH, qf, i + shift).convertShape(F2D, D, 0);
                y1 = (DoubleVector) FloatVector.fromArray(FH, qf, i + shift + second).convertShape(F2D, D, 0);
            } else {
                x0 = DoubleVector.fromArray(D, p, i);
                x1 = DoubleVector.fromArray(D, p, i + second);
                if (hasQ) {
                    y0 = DoubleVector.fromArray(D, q, i + shift);
                    y1 = DoubleVector.fromArray(D, q, i + shift + second);
                }
            }
            sp0 = sp0.add(x0);
            sp1 = sp1.add(x1);
            sq0 = sq0.add(y0);
            sq1 = sq1.add(y1);
            signs = signs.or(x0.viewAsIntegralLanes()).or(x1.viewAsIntegralLanes())
                    .or(y0.viewAsIntegralLanes()).or(y1.viewAsIntegralLanes());
            // ---- the per-measure log arguments u and weights w
            DoubleVector u0 = x0, u1 = x1, w0 = x0, w1 = x1;
            if (kind == CROSS) {
                u0 = y0;
                u1 = y1;
            } else if (kind == KL) {
                u0 = x0.div(y0);
                u1 = x1.div(y1);
            } else if (kind == JS) {
                DoubleVector cy = y0.mul(cv);
                DoubleVector scale = two.div(x0.add(cy)); // 2/m, shared by both halves
                u0 = x0.mul(scale);
                u1 = cy.mul(scale);
                w1 = y0;
            }
            // ---- l = ln u for both vectors (see the class comment for the algorithm)
            LongVector b0 = u0.viewAsIntegralLanes();
            LongVector b1 = u1.viewAsIntegralLanes();
            // One unsigned compare finds every lane outside [MIN_NORMAL, +inf): zero, subnormal, negative, inf, NaN.
            boolean special = b0.sub(MIN_NORMAL_BITS).compare(UGE, INF_BITS - MIN_NORMAL_BITS)
                    .or(b1.sub(MIN_NORMAL_BITS).compare(UGE, INF_BITS - MIN_NORMAL_BITS)).anyTrue();
            DoubleVector kAdjust0 = zero, kAdjust1 = zero;
            if (special) {
                VectorMask<Double> tiny0 = u0.compare(LT, Double.MIN_NORMAL);
                VectorMask<Double> tiny1 = u1.compare(LT, Double.MIN_NORMAL);
                b0 = u0.blend(u0.mul(0x1p52), tiny0).viewAsIntegralLanes();
                b1 = u1.blend(u1.mul(0x1p52), tiny1).viewAsIntegralLanes();
                kAdjust0 = zero.blend(52.0, tiny0);
                kAdjust1 = zero.blend(52.0, tiny1);
            }
            LongVector m0 = b0.sub(OFF);
            LongVector m1 = b1.sub(OFF);
            LongVector k0 = m0.lanewise(ASHR, 52);
            LongVector k1 = m1.lanewise(ASHR, 52);
            LongVector idx0 = m0.lanewise(LSHR, 48).and(15);
            LongVector idx1 = m1.lanewise(LSHR, 48).and(15);
            DoubleVector z0 = b0.sub(k0.lanewise(LSHL, 52)).viewAsFloatingLanes().reinterpretAsDoubles();
            DoubleVector z1 = b1.sub(k1.lanewise(LSHL, 52)).viewAsFloatingLanes().reinterpretAsDoubles();
            DoubleVector kd0 = ((DoubleVector) k0.convert(L2D, 0)).sub(kAdjust0);
            DoubleVector kd1 = ((DoubleVector) k1.convert(L2D, 0)).sub(kAdjust1);
            DoubleVector invc0 = idx0.selectFrom(invcLo, invcHi).viewAsFloatingLanes().reinterpretAsDoubles();
            DoubleVector invc1 = idx1.selectFrom(invcLo, invcHi).viewAsFloatingLanes().reinterpretAsDoubles();
            DoubleVector logc0 = idx0.selectFrom(logcLo, logcHi).viewAsFloatingLanes().reinterpretAsDoubles();
            DoubleVector logc1 = idx1.selectFrom(logcLo, logcHi).viewAsFloatingLanes().reinterpretAsDoubles();
            DoubleVector r0 = z0.fma(invc0, minusOne);
            DoubleVector r1 = z1.fma(invc1, minusOne);
            DoubleVector q0 = r0.fma(p7, p6).fma(r0, p5).fma(r0, p4).fma(r0, p3).fma(r0, p2).fma(r0, p1).fma(r0, p0);
            DoubleVector q1 = r1.fma(p7, p6).fma(r1, p5).fma(r1, p4).fma(r1, p3).fma(r1, p2).fma(r1, p1).fma(r1, p0);
            DoubleVector v0 = kd0.fma(ln2Hi, logc0); // |v| >= |r| unless v = 0: hi + lo = v + r exactly
            DoubleVector v1 = kd1.fma(ln2Hi, logc1);
            DoubleVector hi0 = v0.add(r0);
            DoubleVector hi1 = v1.add(r1);
            DoubleVector l0 = hi0.add(v0.sub(hi0).add(r0).add(kd0.fma(ln2Lo, r0.mul(r0).mul(q0))));
            DoubleVector l1 = hi1.add(v1.sub(hi1).add(r1).add(kd1.fma(ln2Lo, r1.mul(r1).mul(q1))));
            if (special) {
                // IEEE results outside the domain: ln 0 = -inf, ln +inf = +inf, NaN otherwise.
                l0 = l0.blend(Double.NEGATIVE_INFINITY, u0.compare(EQ, 0.0))
                        .blend(u0, u0.compare(GT, Double.MAX_VALUE))
                        .blend(Double.NaN, u0.compare(LT, 0.0).or(u0.compare(NE, u0)));
                l1 = l1.blend(Double.NEGATIVE_INFINITY, u1.compare(EQ, 0.0))
                        .blend(u1, u1.compare(GT, Double.MAX_VALUE))
                        .blend(Double.NaN, u1.compare(LT, 0.0).or(u1.compare(NE, u1)));
            }
            // ---- accumulate (zero weights masked out), or store for LOG
            if (kind == LOG) {
                l0.intoArray(q, i + shift);
            } else {
                t0 = t0.add(w0.mul(l0), w0.compare(GT, 0.0));
                t1 = t1.add(w1.mul(l1), w1.compare(GT, 0.0));
            }
        }
        if (kind == LOG) {
            return true;
        }
        boolean js = kind == JS;
        out[OUT_A] = js ? t0.reduceLanes(ADD) : t0.add(t1).reduceLanes(ADD);
        out[OUT_B] = js ? t1.reduceLanes(ADD) : 0.0;
        out[OUT_P] = single ? sp0.reduceLanes(ADD) : sp0.add(sp1).reduceLanes(ADD);
        out[OUT_Q] = single ? sq0.reduceLanes(ADD) : sq0.add(sq1).reduceLanes(ADD);
        if (signs.reduceLanes(OR) >= 0) {
            return true;
        }
        return wide ? noNegatives(pf, from, to) && (!hasQ || noNegatives(qf, from + shift, to + shift))
                : noNegatives(p, from, to) && (!hasQ || noNegatives(q, from + shift, to + shift));
    }

    /** The error bound of {@link #leanLoop}'s log, asserted by the tests, in ulps of the double result. */
    static final double LEAN_MAX_ULP_ERROR = 2.0;

    /** out[o + j] = ln x[from + j] through {@link #leanLoop} (kind {@link #LOG}); same contract as {@link #logInto}. */
    static void leanLogInto(double[] x, int from, int to, double[] out, int o) {
        leanLoop(LOG, x, out, from, to, o - from, null);
    }

    /**
     * The lean form of {@link #loop} for ENTROPY, CROSS, KL and LOG over double arrays: one vector per iteration
     * and nothing on the common path that the measure does not need, so that C2 keeps every constant in a
     * register (the two-vector, every-kind {@link #loop} spilled its tables and re-broadcast its coefficients in
     * each iteration, and ran at half the speed of the JDK's log).
     *
     * <p>Two differences from {@link #loop}:
     * <ul>
     * <li>ln u = (k·ln2 + logc) + (r + r²·P(r)), summed once: no hi/lo compensation. The interval holding 1 still
     *     gives r + r²·P exactly as {@link #loop}; elsewhere the two parts add with at most one extra rounding
     *     and a partial cancellation of |k·ln2 + logc| ≥ 0.03 against |r| ≤ 1/32, hence the bound
     *     {@value #LEAN_MAX_ULP_ERROR} ulp ({@code DoubleLogTest} measures it).</li>
     * <li>No special-value blends. The bit arithmetic gives a finite (meaningless) log for every bit pattern, so
     *     a lane whose weight is 0 adds exactly 0 through the FMA; negative, NaN and infinite inputs are found by
     *     the sign OR and the sums, as before. Only a vector holding a lane the vector log cannot take and whose
     *     term counts (a subnormal p for ENTROPY; q = 0 or subnormal under p &gt; 0 for CROSS; p/q not a normal
     *     double under p &gt; 0 for KL; anything outside the normal range for LOG) goes through the scalar
     *     {@link KernelMath} terms, which are the reference's own.</li>
     * </ul>
     * Writes OUT_A, OUT_P, OUT_Q (OUT_B = 0); returns false if an element is negative. {@code [from, to)} is a
     * multiple of 8.
     */
    static boolean leanLoop(int kind, double[] p, double[] q, int from, int to, int shift, double[] out) {
        boolean hasQ = kind == CROSS || kind == KL;
        LongVector invcLo = LongVector.fromArray(L, INVC_BITS, 0);
        LongVector invcHi = LongVector.fromArray(L, INVC_BITS, 8);
        LongVector logcLo = LongVector.fromArray(L, LOGC_BITS, 0);
        LongVector logcHi = LongVector.fromArray(L, LOGC_BITS, 8);
        DoubleVector minusOne = DoubleVector.broadcast(D, -1.0);
        DoubleVector ln2 = DoubleVector.broadcast(D, LN2);
        DoubleVector p0 = DoubleVector.broadcast(D, P0);
        DoubleVector p1 = DoubleVector.broadcast(D, P1);
        DoubleVector p2 = DoubleVector.broadcast(D, P2);
        DoubleVector p3 = DoubleVector.broadcast(D, P3);
        DoubleVector p4 = DoubleVector.broadcast(D, P4);
        DoubleVector p5 = DoubleVector.broadcast(D, P5);
        DoubleVector p6 = DoubleVector.broadcast(D, P6);
        DoubleVector p7 = DoubleVector.broadcast(D, P7);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector t = zero, sp = zero, sq = zero;
        LongVector signs = LongVector.zero(L);
        double scalarTerms = 0;
        for (int i = from; i < to; i += DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = hasQ ? DoubleVector.fromArray(D, q, i + shift) : zero;
            sp = sp.add(x);
            LongVector bx = x.viewAsIntegralLanes();
            DoubleVector u = x;
            boolean special;
            if (kind == ENTROPY) {
                signs = signs.or(bx);
                special = bx.sub(1).compare(ULT, MIN_NORMAL_BITS - 1).anyTrue();
            } else if (kind == LOG) {
                special = bx.sub(MIN_NORMAL_BITS).compare(UGE, INF_BITS - MIN_NORMAL_BITS).anyTrue();
            } else {
                sq = sq.add(y);
                LongVector by = y.viewAsIntegralLanes();
                signs = signs.or(bx).or(by);
                if (kind == CROSS) {
                    u = y;
                    special = by.compare(ULT, MIN_NORMAL_BITS).and(bx.compare(GT, 0L)).anyTrue();
                } else {
                    u = x.div(y);
                    special = u.viewAsIntegralLanes().sub(MIN_NORMAL_BITS).compare(UGE, INF_BITS - MIN_NORMAL_BITS)
                            .and(bx.compare(GT, 0L)).anyTrue();
                }
            }
            if (special) {
                for (int j = i; j < i + DL; j++) {
                    double pj = p[j];
                    if (kind == LOG) {
                        q[j + shift] = Math.log(pj);
                    } else {
                        scalarTerms += kind == ENTROPY ? KernelMath.xLogX(pj)
                                : kind == CROSS ? KernelMath.xLogY(pj, q[j + shift])
                                : KernelMath.xLogXOverY(pj, q[j + shift]);
                    }
                }
                continue;
            }
            // ---- l = ln u (see the class comment for the algorithm)
            LongVector b = u.viewAsIntegralLanes();
            LongVector m = b.sub(OFF);
            LongVector k = m.lanewise(ASHR, 52);
            LongVector idx = m.lanewise(LSHR, 48).and(15);
            DoubleVector z = b.sub(k.lanewise(LSHL, 52)).viewAsFloatingLanes().reinterpretAsDoubles();
            DoubleVector kd = (DoubleVector) k.convert(L2D, 0);
            DoubleVector invc = idx.selectFrom(invcLo, invcHi).viewAsFloatingLanes().reinterpretAsDoubles();
            DoubleVector logc = idx.selectFrom(logcLo, logcHi).viewAsFloatingLanes().reinterpretAsDoubles();
            DoubleVector r = z.fma(invc, minusOne);
            DoubleVector poly = r.fma(p7, p6).fma(r, p5).fma(r, p4).fma(r, p3).fma(r, p2).fma(r, p1).fma(r, p0);
            DoubleVector l = kd.fma(ln2, logc).add(r.mul(r).fma(poly, r));
            if (kind == LOG) {
                l.intoArray(q, i + shift);
            } else {
                t = x.fma(l, t);
            }
        }
        if (kind == LOG) {
            return true;
        }
        out[OUT_A] = t.reduceLanes(ADD) + scalarTerms;
        out[OUT_B] = 0.0;
        out[OUT_P] = sp.reduceLanes(ADD);
        out[OUT_Q] = sq.reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0
                || noNegatives(p, from, to) && (!hasQ || noNegatives(q, from + shift, to + shift));
    }

    private static boolean noNegatives(double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
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

package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.L2I;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.OR;
import static jdk.incubator.vector.VectorOperators.UGE;
import static jdk.incubator.vector.VectorOperators.ULT;
import static org.shannon4j.simd.LaneMath.SHIFT;
import static org.shannon4j.simd.LaneMath.SHIFT_BITS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.KernelMath;
import org.shannon4j.spi.Terms;

/**
 * Natural log of double lanes without a call into the JDK's vector math library, fused into the one vector loop
 * of every double-lane log kernel ({@link #loop}): a 16-entry table (at 8 lanes held in two registers and read
 * with a two-vector lane permute; at 4, read with gathers, see {@link #GATHERS}), then a degree-7 polynomial.
 *
 * <p>Algorithm (the shape of the table-driven logs of ARM's optimized-routines and glibc, with a table small
 * enough for lane permutes): x = z·2^k with z in [0.703125, 1.40625); the 4 mantissa bits below the exponent
 * of {@code bits(x) − bits(0.703125)} pick one of 16 intervals, each with a constant {@code invc ≈ 1/c} and
 * {@code logc = −ln invc}; then r = z·invc − 1 (one FMA, |r| ≤ 1/32) and
 * ln x = (k·ln2 + logc) + (r + r²·P(r)), with P a degree-7 Chebyshev fit of (ln(1+r) − r)/r² (relative error of
 * r + r²P below 2^-55.7), evaluated by Estrin's scheme (pairs of coefficients, then r², then r⁴): four FMAs deep
 * instead of Horner's seven, so that a vector's chain of latencies overlaps the next vector's work. The interval
 * holding 1 has invc = 1 exactly, so near 1 the result is r + r²P with r exact. The other invc were chosen so
 * that ln(invc) is within 10^-4 ulp of a double: the tables are exact for practical purposes. Tables and coefficients: {@code simd-impl/tools/log_tables.py}.
 *
 * <p>Accuracy: the two parts are added once, without the hi/lo compensation that would make it 1 ulp (nine
 * more operations per vector, 1.7× slower in the kernels). Elsewhere than near 1 the sum has one extra rounding
 * and a partial cancellation of |k·ln2 + logc| ≥ 0.03 against |r| ≤ 1/32: {@code DoubleLogTest} measures at most
 * {@value #MAX_ULP_ERROR} ulp against {@code StrictMath.log} on 2^24 random samples per class (2^28 with
 * {@code -Dshannon4j.exhaustive=true}: still 2 ulp) over all binades, [0.5, 2], every double within 2^20 ulps of 1,
 * subnormals and the largest doubles. Per-term errors of 2 ulp are far inside the conformance bound of the
 * measures (1e-13 relative).
 *
 * <p>Array-to-array on purpose: a method of ours that takes or returns a vector boxes it whenever C2 does not
 * inline it, see {@link SimdKernels}. Runs on 8, 4 or 2 double lanes ({@link #SUPPORTED}).
 */
final class DoubleLog {

    /** The error bound asserted by the tests, in ulps of the double result. */
    static final double MAX_ULP_ERROR = 2.0;

    private static final VectorSpecies<Double> D = Species.D;
    private static final VectorSpecies<Long> L = Species.L;

    /**
     * The 16-entry table is two vectors of 8 doubles (one two-vector permute); for 4 lanes it is read with two
     * gathers ({@link #GATHERS}); for 2 lanes, pairs of vectors read with two-vector permutes and merged with
     * blends: every shape from 128 to 512 bits, so that no production path needs the JDK's log, whose cold-code
     * fallback rounds differently from its C2 intrinsic. Every way reads the same entries: the same bits.
     */
    static final boolean SUPPORTED = D.length() == 8 || D.length() == 4 || D.length() == 2;

    /**
     * Whether the table is read with gathers (4 lanes: AVX2, which every 256-bit integer vector needs, has
     * them). Without a two-vector permute instruction (AVX-512's VPERMT2Q), C2 builds each of the four
     * two-vector permutes of the 4-lane table out of several shuffles and blends: on a Zen 1 host the log took
     * 6.7 ns per element that way and 5.0 with the lane indices stored to an int map and two gathers.
     */
    static final boolean GATHERS = D.length() == 4;

    static final long OFF = 0x3fe6800000000000L; // bits of 0.703125
    private static final long MIN_NORMAL_BITS = 0x0010000000000000L;
    private static final long INF_BITS = 0x7ff0000000000000L;
    static final double LN2 = 0x1.62e42fefa39efp-1;

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
    static final double P0 = -0x1.ffffffffffff6p-2;
    static final double P1 = 0x1.55555555557ecp-2;
    static final double P2 = -0x1.000000005181dp-2;
    static final double P3 = 0x1.9999998c2daa1p-3;
    static final double P4 = -0x1.555547a4e2a71p-3;
    static final double P5 = 0x1.2492cc8112ac3p-3;
    static final double P6 = -0x1.005e8e062ff07p-3;
    static final double P7 = 0x1.c49296cc33448p-4;

    private DoubleLog() {
    }

    // Loop kinds (what the fused loop takes the log of and what it accumulates, see loop): the Terms codes
    // X_LOG_X, CROSS, KL and JS, and two of this loop's own, numbered far above every Terms code.
    /** Stores the logs instead (tests, {@link #logInto}). */
    static final int LOG = 64;
    /** JS's q half, Σ q·ln(2cq/m) into OUT_A (kind {@link Terms#JS} gives the p half). */
    static final int JS_Q = 65;
    /**
     * The row kinds ({@link SimdRowKernels}' blocks, double input): as {@link Terms#X_LOG_X} (p·ln p) and
     * {@link Terms#KL} (p·ln(p/q)), but each lane's term stored to {@code out[i − from]} (0 for a lane of weight
     * 0), nothing accumulated, and false returned at once for a lane the scalar terms would have to take or for an
     * element with its sign bit set: the block then goes to the reference.
     */
    static final int ROW_X = 66;
    /** See {@link #ROW_X}. */
    static final int ROW_KL = 67;
    /** See {@link #ROW_X}: JS's terms p·ln(2p/m) and q·ln(2cq/m) (as {@link Terms#JS} and {@link #JS_Q}). */
    static final int ROW_JS = 68;
    /** See {@link #ROW_JS}. */
    static final int ROW_JS_Q = 69;

    private static final VectorSpecies<Float> FH =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int DL = D.length();
    /** Int lanes as many as the double lanes, for the gathers' index map. */
    private static final VectorSpecies<Integer> IH =
            VectorSpecies.of(int.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    /** Per-thread index map of the gathers; a map allocated in the loop method made C2 compile it 3× slower. */
    private static final ThreadLocal<int[]> GATHER_MAP = ThreadLocal.withInitial(() -> new int[DL]);
    private static final int OUT_A = 0;
    private static final int OUT_B = 1;
    private static final int OUT_P = 2;
    private static final int OUT_Q = 3;
    static final long[] INVC_BITS = bitsOf(INVC);
    static final long[] LOGC_BITS = bitsOf(LOGC);

    private static long[] bitsOf(double[] a) {
        long[] b = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Double.doubleToRawLongBits(a[i]);
        }
        return b;
    }

    /**
     * out[o + j] = ln x[from + j] for j in [0, to − from), a multiple of 8; {@code out} may be {@code x} with
     * {@code o == from} (in place). Runs {@link #loop} (kind {@link #LOG}), so the tests of this method test the
     * very log the kernels use.
     */
    static void logInto(double[] x, int from, int to, double[] out, int o) {
        loop(LOG, x, out, null, null, from, to, o - from, 1.0, null);
    }

    /**
     * The one vector loop of every double-lane log kernel, with the log written once, inline: no scratch pass, no
     * call, no vector crossing a method boundary. One vector per iteration and nothing on the common path that
     * the measure does not need, so that C2 keeps every constant in a register. (An earlier loop took two
     * vectors per iteration, blended special values on every vector and compensated the log to 1 ulp: perfasm
     * showed it spilling its tables and re-broadcasting its coefficients in every iteration, at half the speed
     * of the JDK's log.) {@code kind} is loop-invariant, so its branches are perfectly predicted. Each
     * iteration adds w·ln u, for u and w by kind:
     * <ul>
     * <li>X_LOG_X: u = w = p; CROSS: u = q, w = p; KL: u = p/q, w = p;
     * <li>JS: u = 2p/m, w = p; JS_Q: u = 2cq/m, w = q (m = p + cq): JS is two passes over a block in L1, each
     *     with one division (both logs in one iteration, as an inner loop of two half-steps, made C2 lose the
     *     flat loop for every kind);
     * <li>LOG: ln p stored to {@code q[i + shift]} (tests, {@link #logInto}).
     * </ul>
     * Special values need no blends. The bit arithmetic gives a finite (meaningless) log for every bit
     * pattern, so a lane whose weight is 0 adds exactly 0 through the FMA; negative, NaN and infinite inputs are
     * found by the sign OR and the sums, as the kernels' contract asks. Only a vector holding a lane the vector
     * log cannot take and whose term counts (u not a normal double under a weight &gt; 0; for X_LOG_X only a
     * subnormal p can be such a lane; for LOG every lane counts) goes through the scalar {@link KernelMath}
     * terms, the reference backend's own.
     *
     * <p>Input is {@code p, q} or, when {@code pf != null}, the float arrays {@code pf, qf} widened to double
     * lanes (float KL and JS cancel when p ≈ q, so they are computed in double). {@code [from, to)} is a
     * multiple of 8. Writes OUT_A, OUT_B (0), OUT_P, OUT_Q; returns false if an element is negative. The
     * {@linkplain #ROW_X row kinds} write the terms to {@code out} instead.
     */
    static boolean loop(int kind, double[] p, double[] q, float[] pf, float[] qf, int from, int to, int shift,
                            double c, double[] out) {
        boolean wide = pf != null;
        boolean hasQ = kind != Terms.X_LOG_X && kind != LOG && kind != ROW_X;
        boolean rowKind = kind >= ROW_X;
        // 8 lanes: the whole table in four registers (read only when DL == 8)
        LongVector invcLo = LongVector.fromArray(L, INVC_BITS, 0);
        LongVector invcHi = LongVector.fromArray(L, INVC_BITS, 16 - DL);
        LongVector logcLo = LongVector.fromArray(L, LOGC_BITS, 0);
        LongVector logcHi = LongVector.fromArray(L, LOGC_BITS, 16 - DL);
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
        int[] map = GATHERS ? GATHER_MAP.get() : null;
        LongVector signs = LongVector.zero(L);
        double scalarTerms = 0;
        for (int i = from; i < to; i += DL) {
            DoubleVector x, y = zero;
            if (wide) {
                x = (DoubleVector) FloatVector.fromArray(FH, pf, i).convertShape(F2D, D, 0);
                y = (DoubleVector) FloatVector.fromArray(FH, qf, i + shift).convertShape(F2D, D, 0);
            } else {
                x = DoubleVector.fromArray(D, p, i);
                if (hasQ) {
                    y = DoubleVector.fromArray(D, q, i + shift);
                }
            }
            sp = sp.add(x);
            LongVector bx = x.viewAsIntegralLanes();
            LongVector by = y.viewAsIntegralLanes();
            signs = signs.or(bx);
            if (hasQ) { // kept off the entropy path: C2 does not fold x + 0.0 away
                sq = sq.add(y);
                signs = signs.or(by);
            }
            // ---- the log argument u, its weight w, and whether a lane needs the scalar term
            DoubleVector u = x, w = x;
            boolean special;
            if (kind == Terms.X_LOG_X || kind == ROW_X) {
                special = bx.sub(1).compare(ULT, MIN_NORMAL_BITS - 1).anyTrue();
            } else if (kind == LOG) {
                special = bx.sub(MIN_NORMAL_BITS).compare(UGE, INF_BITS - MIN_NORMAL_BITS).anyTrue();
            } else if (kind == Terms.CROSS) {
                u = y;
                // |q| by clearing the sign: −0.0 (a valid zero) must count as q = 0, not as a huge unsigned value
                special = by.and(Long.MAX_VALUE).compare(ULT, MIN_NORMAL_BITS).and(bx.compare(GT, 0L)).anyTrue();
            } else {
                if (kind == Terms.KL || kind == ROW_KL) {
                    u = x.div(y);
                } else {
                    DoubleVector cy = y.mul(c);
                    if (kind == Terms.JS || kind == ROW_JS) {
                        u = x.add(x).div(x.add(cy));     // 2p/m
                    } else {
                        u = cy.add(cy).div(x.add(cy));   // 2cq/m
                        w = y;
                    }
                }
                special = u.viewAsIntegralLanes().sub(MIN_NORMAL_BITS).compare(UGE, INF_BITS - MIN_NORMAL_BITS)
                        .and(w.viewAsIntegralLanes().compare(GT, 0L)).anyTrue();
            }
            if (special) {
                if (rowKind) {
                    return false;
                }
                for (int j = i; j < i + DL; j++) {
                    double pj = wide ? pf[j] : p[j];
                    double qj = !hasQ ? 0 : wide ? qf[j + shift] : q[j + shift];
                    switch (kind) {
                        case LOG -> q[j + shift] = Math.log(pj);
                        case Terms.X_LOG_X -> scalarTerms += KernelMath.xLogX(pj);
                        case Terms.CROSS -> scalarTerms += KernelMath.xLogY(pj, qj);
                        case Terms.KL -> scalarTerms += KernelMath.xLogXOverY(pj, qj);
                        case Terms.JS -> scalarTerms += KernelMath.jensenShannonP(pj, qj, c);
                        default -> scalarTerms += KernelMath.jensenShannonQ(pj, qj, c);
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
            DoubleVector kd = k.add(SHIFT_BITS).viewAsFloatingLanes().sub(SHIFT);
            LongVector invcBits, logcBits;
            if (DL == 8) {
                invcBits = idx.selectFrom(invcLo, invcHi);
                logcBits = idx.selectFrom(logcLo, logcHi);
            } else if (GATHERS) {
                ((IntVector) idx.convertShape(L2I, IH, 0)).intoArray(map, 0);
                invcBits = LongVector.fromArray(L, INVC_BITS, 0, map, 0);
                logcBits = LongVector.fromArray(L, LOGC_BITS, 0, map, 0);
            } else {
                // Narrower vectors: each pair of table vectors holds 2·DL entries (selectFrom wraps the index
                // modulo 2·DL); a blend takes the pair that idx points into. Constant trip count, unrolled.
                invcBits = idx.selectFrom(LongVector.fromArray(L, INVC_BITS, 0), LongVector.fromArray(L, INVC_BITS, DL));
                logcBits = idx.selectFrom(LongVector.fromArray(L, LOGC_BITS, 0), LongVector.fromArray(L, LOGC_BITS, DL));
                for (int pair = 2 * DL; pair < 16; pair += 2 * DL) {
                    VectorMask<Long> here = idx.compare(GE, pair);
                    invcBits = invcBits.blend(idx.selectFrom(LongVector.fromArray(L, INVC_BITS, pair),
                            LongVector.fromArray(L, INVC_BITS, pair + DL)), here);
                    logcBits = logcBits.blend(idx.selectFrom(LongVector.fromArray(L, LOGC_BITS, pair),
                            LongVector.fromArray(L, LOGC_BITS, pair + DL)), here);
                }
            }
            DoubleVector invc = invcBits.viewAsFloatingLanes().reinterpretAsDoubles();
            DoubleVector logc = logcBits.viewAsFloatingLanes().reinterpretAsDoubles();
            DoubleVector r = z.fma(invc, minusOne);
            DoubleVector r2 = r.mul(r);
            DoubleVector poly = r2.mul(r2).fma(r2.fma(r.fma(p7, p6), r.fma(p5, p4)),
                    r2.fma(r.fma(p3, p2), r.fma(p1, p0)));
            DoubleVector l = kd.fma(ln2, logc).add(r2.fma(poly, r));
            if (kind == LOG) {
                l.intoArray(q, i + shift);
            } else if (rowKind) {
                w.mul(l).intoArray(out, i - from);
            } else {
                t = w.fma(l, t);
            }
        }
        if (kind == LOG) {
            return true;
        }
        if (rowKind) {
            return signs.reduceLanes(OR) >= 0;
        }
        // Lanes added in a fixed order, lane 0 first (the constant trip count is unrolled by C2, and nothing
        // allocates): reduceLanes(ADD) has no specified order (C2 adds in a tree, the Java fallback that runs
        // before C2 compiles this loop adds in sequence), so its result could change after warm-up.
        double terms = 0, sumP = 0, sumQ = 0;
        for (int j = 0; j < DL; j++) {
            terms += t.lane(j);
            sumP += sp.lane(j);
            sumQ += sq.lane(j);
        }
        out[OUT_A] = terms + scalarTerms;
        out[OUT_B] = 0.0;
        out[OUT_P] = sumP;
        out[OUT_Q] = sumQ;
        if (signs.reduceLanes(OR) >= 0) {
            return true;
        }
        return wide ? noNegatives(pf, from, to) && (!hasQ || noNegatives(qf, from + shift, to + shift))
                : noNegatives(p, from, to) && (!hasQ || noNegatives(q, from + shift, to + shift));
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

package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.L2D;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.UGE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

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

    /**
     * out[o + j] = ln x[from + j] for j in [0, to − from), a multiple of 8; {@code out} may be {@code x} with
     * {@code o == from} (in place).
     */
    static void logInto(double[] x, int from, int to, double[] out, int o) {
        DoubleVector invcLo = DoubleVector.fromArray(D, INVC, 0);
        DoubleVector invcHi = DoubleVector.fromArray(D, INVC, 8);
        DoubleVector logcLo = DoubleVector.fromArray(D, LOGC, 0);
        DoubleVector logcHi = DoubleVector.fromArray(D, LOGC, 8);
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
        for (int i = from; i < to; i += 8, o += 8) {
            DoubleVector v = DoubleVector.fromArray(D, x, i);
            LongVector bits = v.viewAsIntegralLanes();
            // One unsigned compare finds every lane outside [MIN_NORMAL, +inf): zero, subnormal, negative, inf, NaN.
            boolean special = bits.sub(MIN_NORMAL_BITS).compare(UGE, INF_BITS - MIN_NORMAL_BITS).anyTrue();
            DoubleVector kAdjust = DoubleVector.zero(D);
            if (special) {
                VectorMask<Double> tiny = v.compare(LT, Double.MIN_NORMAL);
                v = v.blend(v.mul(0x1p52), tiny);
                kAdjust = kAdjust.blend(52.0, tiny);
                bits = v.viewAsIntegralLanes();
            }
            LongVector tmp = bits.sub(OFF);
            LongVector k = tmp.lanewise(ASHR, 52);
            DoubleVector index = (DoubleVector) tmp.lanewise(LSHR, 48).convert(L2D, 0); // wrapped mod 16
            DoubleVector z = bits.sub(k.lanewise(LSHL, 52)).viewAsFloatingLanes().reinterpretAsDoubles();
            DoubleVector kd = ((DoubleVector) k.convert(L2D, 0)).sub(kAdjust);
            DoubleVector invc = index.selectFrom(invcLo, invcHi);
            DoubleVector logc = index.selectFrom(logcLo, logcHi);
            DoubleVector r = z.fma(invc, minusOne);
            DoubleVector r2 = r.mul(r);
            DoubleVector p = r.fma(p7, p6).fma(r, p5).fma(r, p4).fma(r, p3).fma(r, p2).fma(r, p1).fma(r, p0);
            DoubleVector w = kd.fma(ln2Hi, logc); // |w| >= |r| unless w = 0: hi + lo = w + r exactly
            DoubleVector hi = w.add(r);
            DoubleVector lo = w.sub(hi).add(r);
            DoubleVector result = hi.add(lo.add(kd.fma(ln2Lo, r2.mul(p))));
            if (special) {
                // IEEE results for the lanes outside the domain: ln 0 = -inf, ln +inf = +inf, NaN otherwise.
                result = result.blend(Double.NEGATIVE_INFINITY, v.compare(EQ, 0.0))
                        .blend(v, v.compare(GT, Double.MAX_VALUE))
                        .blend(Double.NaN, v.compare(LT, 0.0).or(v.compare(NE, v)));
            }
            result.intoArray(out, o);
        }
    }
}

package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.NE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * e^x of double lanes, array to array, for loops such as log-sum-exp and softmax.
 *
 * <p>Algorithm: Cody–Waite reduction with a 16-entry table: n = round(16x/ln2) (by the 1.5·2^52 shift trick),
 * r = x − n·ln2/16 in two parts (|r| ≤ ln2/32), e^x = 2^m · 2^(j/16) · e^r with n = 16m + j; e^r − 1 by its
 * degree-7 Taylor polynomial (truncation below 2^-60 relative); the table 2^(j/16) (two registers, read with a
 * two-vector lane permute) comes from {@code simd-impl/tools/exp_tables.py}; 2^m is added to the exponent bits.
 * Lanes with |x| &gt; 708 or NaN take a branch (only vectors holding one): the scale is applied in two
 * multiplications, so results in the subnormal range are rounded once more (at most 1 ulp of the subnormal), and
 * x &gt; 709.78… gives +∞, x &lt; −745.13… gives 0 (−∞ included), NaN stays NaN.
 *
 * <p>Accuracy: {@code DoubleExpTest} measures at most {@value #MAX_ULP_ERROR} ulp against
 * {@code StrictMath.exp} (see its class comment for the samples). Array-to-array for the reason given in
 * {@link DoubleLog}; out may be x (in place). Requires 8 double lanes ({@link #SUPPORTED}).
 */
final class DoubleExp {

    /** The error bound asserted by the tests, in ulps of the double result. */
    static final double MAX_ULP_ERROR = 1.0;

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    static final boolean SUPPORTED = D.length() == 8;

    static final double[] T = {
        0x1.0000000000000p+0, 0x1.0b5586cf9890fp+0, 0x1.172b83c7d517bp+0, 0x1.2387a6e756238p+0,
        0x1.306fe0a31b715p+0, 0x1.3dea64c123422p+0, 0x1.4bfdad5362a27p+0, 0x1.5ab07dd485429p+0,
        0x1.6a09e667f3bcdp+0, 0x1.7a11473eb0187p+0, 0x1.8ace5422aa0dbp+0, 0x1.9c49182a3f090p+0,
        0x1.ae89f995ad3adp+0, 0x1.c199bdd85529cp+0, 0x1.d5818dcfba487p+0, 0x1.ea4afa2a490dap+0};
    private static final double INV_LN2_16 = 0x1.71547652b82fep+4;
    private static final double LN2_16_HI = 0x1.62e42fef80000p-5; // n·LN2_16_HI exact for |n| < 2^15
    private static final double LN2_16_LO = 0x1.1cf79abc9e3b4p-40;
    private static final double SHIFT = 0x1.8p52;
    private static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    /** Above: +inf. */
    static final double OVERFLOW = 0x1.62e42fefa39efp9; // 709.782712893384
    /** Below: 0. */
    static final double UNDERFLOW = -0x1.74910d52d3051p9; // -745.1332191019411

    private DoubleExp() {
    }

    /** out[o + j] = e^x[from + j] for j in [0, to − from), a multiple of 8. */
    static void expInto(double[] x, int from, int to, double[] out, int o) {
        DoubleVector tLo = DoubleVector.fromArray(D, T, 0);
        DoubleVector tHi = DoubleVector.fromArray(D, T, 8);
        DoubleVector inv = DoubleVector.broadcast(D, INV_LN2_16);
        DoubleVector shift = DoubleVector.broadcast(D, SHIFT);
        DoubleVector minusHi = DoubleVector.broadcast(D, -LN2_16_HI);
        DoubleVector minusLo = DoubleVector.broadcast(D, -LN2_16_LO);
        DoubleVector c2 = DoubleVector.broadcast(D, 1.0 / 2);
        DoubleVector c3 = DoubleVector.broadcast(D, 1.0 / 6);
        DoubleVector c4 = DoubleVector.broadcast(D, 1.0 / 24);
        DoubleVector c5 = DoubleVector.broadcast(D, 1.0 / 120);
        DoubleVector c6 = DoubleVector.broadcast(D, 1.0 / 720);
        DoubleVector c7 = DoubleVector.broadcast(D, 1.0 / 5040);
        for (int i = from; i < to; i += 8, o += 8) {
            DoubleVector v = DoubleVector.fromArray(D, x, i);
            // |x| > 708 or NaN (NaN compares false, so test "not <=")
            boolean special = v.abs().compare(GT, 708.0).or(v.compare(NE, v)).anyTrue();
            DoubleVector a = special ? v.max(-746.0).min(710.0) : v; // keeps n in the shift trick's range
            DoubleVector kd = a.fma(inv, shift);
            LongVector n = kd.viewAsIntegralLanes().sub(SHIFT_BITS);
            DoubleVector nd = kd.sub(shift);
            DoubleVector r = nd.fma(minusHi, a);
            r = nd.fma(minusLo, r);
            DoubleVector t = nd.selectFrom(tLo, tHi); // index wrapped mod 16 = j
            DoubleVector p = r.fma(c7, c6).fma(r, c5).fma(r, c4).fma(r, c3).fma(r, c2).mul(r).fma(r, r);
            DoubleVector y = t.fma(p, t); // 2^(j/16)·e^r in [0.97, 2)
            LongVector m = n.lanewise(ASHR, 4);
            DoubleVector result;
            if (!special) {
                result = y.viewAsIntegralLanes().add(m.lanewise(LSHL, 52)).viewAsFloatingLanes()
                        .reinterpretAsDoubles();
            } else {
                // Two scale factors 2^m1·2^m2, each a normal double, so that overflow and the subnormal range
                // come out of the multiplications.
                LongVector m1 = m.lanewise(ASHR, 1);
                LongVector m2 = m.sub(m1);
                DoubleVector s1 = m1.add(1023).lanewise(LSHL, 52).viewAsFloatingLanes().reinterpretAsDoubles();
                DoubleVector s2 = m2.add(1023).lanewise(LSHL, 52).viewAsFloatingLanes().reinterpretAsDoubles();
                result = y.mul(s1).mul(s2);
                VectorMask<Double> nan = v.compare(NE, v);
                result = result.blend(Double.POSITIVE_INFINITY, v.compare(GT, OVERFLOW))
                        .blend(0.0, v.compare(jdk.incubator.vector.VectorOperators.LT, UNDERFLOW))
                        .blend(v, nan);
            }
            result.intoArray(out, o);
        }
    }
}

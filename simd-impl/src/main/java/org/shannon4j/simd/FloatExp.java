package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.NE;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * e^x of float lanes, array to array; the float twin of {@link DoubleExp}: n = round(16x/ln2) by the 1.5·2^23
 * shift trick, r = x − n·ln2/16 in two parts, a 16-entry float table 2^(j/16) in one register (one lane
 * permute), e^r − 1 by its degree-4 Taylor polynomial (truncation below 2^-34 relative), 2^m added to the
 * exponent bits. Lanes with |x| &gt; 87 or NaN take a branch: two scale multiplications (subnormal results),
 * x &gt; 88.72… gives +∞, x &lt; −103.97… gives 0 (−∞ included), NaN stays NaN.
 *
 * <p>Accuracy: {@code FloatExpTest} measures at most {@value #MAX_ULP_ERROR} ulp against
 * {@code StrictMath.exp} rounded to float. Requires 16 float lanes ({@link #SUPPORTED}).
 */
final class FloatExp {

    /** The error bound asserted by the tests, in ulps of the float result. */
    static final double MAX_ULP_ERROR = 1.0;

    private static final VectorSpecies<Float> D = FloatVector.SPECIES_PREFERRED;

    static final boolean SUPPORTED = D.length() == 16;

    static final float[] T = {
        0x1.0000000000000p+0f, 0x1.0b55860000000p+0f, 0x1.172b840000000p+0f, 0x1.2387a60000000p+0f,
        0x1.306fe00000000p+0f, 0x1.3dea640000000p+0f, 0x1.4bfdae0000000p+0f, 0x1.5ab07e0000000p+0f,
        0x1.6a09e60000000p+0f, 0x1.7a11480000000p+0f, 0x1.8ace540000000p+0f, 0x1.9c49180000000p+0f,
        0x1.ae89fa0000000p+0f, 0x1.c199be0000000p+0f, 0x1.d5818e0000000p+0f, 0x1.ea4afa0000000p+0f};
    private static final float INV_LN2_16 = 0x1.7154760000000p+4f;
    private static final float LN2_16_HI = 0x1.62e0000000000p-5f; // n·LN2_16_HI exact for |n| < 2^11
    private static final float LN2_16_LO = 0x1.0bfbe80000000p-19f;
    private static final float SHIFT = 0x1.8p23f;
    private static final int SHIFT_BITS = Float.floatToRawIntBits(SHIFT);
    /** Above: +inf. */
    static final float OVERFLOW = 0x1.62e42ep6f; // 88.72283: the next float overflows
    /** Below: 0. */
    static final float UNDERFLOW = -0x1.9fe366p6f; // -103.97207: the next float down gives 0

    private FloatExp() {
    }

    /** out[o + j] = e^x[from + j] for j in [0, to − from), a multiple of 16. */
    static void expInto(float[] x, int from, int to, float[] out, int o) {
        FloatVector table = FloatVector.fromArray(D, T, 0);
        FloatVector inv = FloatVector.broadcast(D, INV_LN2_16);
        FloatVector shift = FloatVector.broadcast(D, SHIFT);
        FloatVector minusHi = FloatVector.broadcast(D, -LN2_16_HI);
        FloatVector minusLo = FloatVector.broadcast(D, -LN2_16_LO);
        FloatVector c2 = FloatVector.broadcast(D, 1f / 2);
        FloatVector c3 = FloatVector.broadcast(D, 1f / 6);
        FloatVector c4 = FloatVector.broadcast(D, 1f / 24);
        for (int i = from; i < to; i += 16, o += 16) {
            FloatVector v = FloatVector.fromArray(D, x, i);
            // |x| > 87 or NaN (NaN compares false, so test "not <=")
            boolean special = v.abs().compare(GT, 87f).or(v.compare(NE, v)).anyTrue();
            FloatVector a = special ? v.max(-105f).min(89f) : v; // keeps n in the shift trick's range
            FloatVector kd = a.fma(inv, shift);
            IntVector n = kd.viewAsIntegralLanes().sub(SHIFT_BITS);
            FloatVector nd = kd.sub(shift);
            FloatVector r = nd.fma(minusHi, a);
            r = nd.fma(minusLo, r);
            FloatVector t = nd.selectFrom(table); // index wrapped mod 16 = j
            FloatVector p = r.fma(c4, c3).fma(r, c2).mul(r).fma(r, r);
            FloatVector y = t.fma(p, t); // 2^(j/16)·e^r
            IntVector m = n.lanewise(ASHR, 4);
            FloatVector result;
            if (!special) {
                result = y.viewAsIntegralLanes().add(m.lanewise(LSHL, 23)).viewAsFloatingLanes()
                        .reinterpretAsFloats();
            } else {
                // Two scale factors 2^m1·2^m2, each a normal float, so that overflow and the subnormal range
                // come out of the multiplications.
                IntVector m1 = m.lanewise(ASHR, 1);
                IntVector m2 = m.sub(m1);
                FloatVector s1 = m1.add(127).lanewise(LSHL, 23).viewAsFloatingLanes().reinterpretAsFloats();
                FloatVector s2 = m2.add(127).lanewise(LSHL, 23).viewAsFloatingLanes().reinterpretAsFloats();
                result = y.mul(s1).mul(s2);
                VectorMask<Float> nan = v.compare(NE, v);
                result = result.blend(Float.POSITIVE_INFINITY, v.compare(GT, OVERFLOW))
                        .blend(0f, v.compare(jdk.incubator.vector.VectorOperators.LT, UNDERFLOW))
                        .blend(v, nan);
            }
            result.intoArray(out, o);
        }
    }
}

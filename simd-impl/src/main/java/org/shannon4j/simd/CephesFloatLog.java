package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Natural log of float lanes, computed inline instead of through the JDK's vector math library: no call, so
 * nothing is spilled around it, and it measured faster than {@code lanewise(LOG)} in the float entropy kernel.
 *
 * <p>Algorithm (Cephes {@code logf}): x = m·2^e with m in [√½, √2); ln(1 + f) for f = m − 1 as
 * f − f²/2 + f³·P(f) with a degree-8 minimax P; e·ln 2 added in two parts (0.693359375, exact in float, and
 * −2.12194440e-4). Subnormal inputs are scaled by 2^23 first. Defined for finite x &gt; 0; the result for 0,
 * negative, NaN or infinite lanes is unspecified (callers mask those lanes or reject the input).
 *
 * <p>Accuracy: an exhaustive sweep of all 2^31 − 2^23 positive finite floats (subnormals included) against
 * the log computed in double found at most 0.83 ulp (0.50 ulp within 2^16 ulps of 1). {@code FloatLogTest}
 * asserts {@value #MAX_ULP_ERROR} ulp on every 61st float and all floats near 1 by default, on all of them with
 * {@code -Dshannon4j.exhaustive=true} (about 30 s).
 *
 * <p>Why an array-to-array method and not a {@code FloatVector log(FloatVector)} helper: C2 stops inlining
 * once a compilation reaches its node-count cutoff, which vector-heavy loops do, and a helper that takes or
 * returns a vector and is not inlined boxes it (tens of kB allocated per call). Only the JDK's own
 * {@code @ForceInline} vector methods are exempt. Kernels therefore never pass vectors to methods of ours.
 */
final class CephesFloatLog {

    /** The error bound asserted by the tests, in units in the last place of the float result. */
    static final double MAX_ULP_ERROR = 1.0;

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;

    private CephesFloatLog() {
    }

    /** out[i] = ln x[i] for i in [from, to); {@code to − from} must be a multiple of the float lane count. */
    static void logInto(float[] x, int from, int to, float[] out, int outOffset) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector half = FloatVector.broadcast(F, 0.5f);
        FloatVector minusHalf = FloatVector.broadcast(F, -0.5f);
        FloatVector twoTo23 = FloatVector.broadcast(F, 0x1p23f);
        FloatVector bias = FloatVector.broadcast(F, 127f);
        FloatVector subnormalBias = FloatVector.broadcast(F, 127f + 23f);
        FloatVector ln2Hi = FloatVector.broadcast(F, 0.693359375f);
        FloatVector ln2Lo = FloatVector.broadcast(F, -2.12194440e-4f);
        FloatVector p8 = FloatVector.broadcast(F, 7.0376836292E-2f);
        FloatVector p7 = FloatVector.broadcast(F, -1.1514610310E-1f);
        FloatVector p6 = FloatVector.broadcast(F, 1.1676998740E-1f);
        FloatVector p5 = FloatVector.broadcast(F, -1.2420140846E-1f);
        FloatVector p4 = FloatVector.broadcast(F, 1.4249322787E-1f);
        FloatVector p3 = FloatVector.broadcast(F, -1.6668057665E-1f);
        FloatVector p2 = FloatVector.broadcast(F, 2.0000714765E-1f);
        FloatVector p1 = FloatVector.broadcast(F, -2.4999993993E-1f);
        FloatVector p0 = FloatVector.broadcast(F, 3.3333331174E-1f);
        for (int i = from, o = outOffset; i < to; i += F.length(), o += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            VectorMask<Float> subnormal = v.compare(LT, Float.MIN_NORMAL);
            v = v.blend(v.mul(twoTo23), subnormal);
            IntVector bits = (IntVector) v.viewAsIntegralLanes();
            FloatVector e = ((FloatVector) bits.lanewise(LSHR, 23).convert(I2F, 0))
                    .sub(bias.blend(subnormalBias, subnormal));
            FloatVector m = bits.and(0x007fffff).or(0x3f800000).viewAsFloatingLanes().reinterpretAsFloats();
            VectorMask<Float> high = m.compare(GT, 1.41421356237f);
            m = m.blend(m.mul(half), high);
            e = e.add(one, high);
            FloatVector f = m.sub(one);
            FloatVector z = f.mul(f);
            FloatVector y = p8.fma(f, p7).fma(f, p6).fma(f, p5).fma(f, p4).fma(f, p3).fma(f, p2).fma(f, p1)
                    .fma(f, p0).mul(f).mul(z);
            y = e.fma(ln2Lo, y);
            y = z.fma(minusHalf, y);
            e.fma(ln2Hi, f.add(y)).intoArray(out, o);
        }
    }
}

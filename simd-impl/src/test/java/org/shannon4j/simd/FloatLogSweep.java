package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;

import org.junit.jupiter.api.Test;

/**
 * A vector float log ({@link #logInto}) against the log computed in double (exact to well under a float ulp) and
 * rounded. The default run sweeps every 61st positive finite float (35 million values: all binades, subnormals
 * included) plus every float within 2^16 ulps of 1; {@code -Dshannon4j.exhaustive=true} sweeps all 2^31 − 2^23
 * of them. Subclasses name the log under test and its asserted bound.
 */
abstract class FloatLogSweep {

    /** The log under test, array to array, on a multiple of the lane count. */
    abstract void logInto(float[] in, int from, int to, float[] out, int outOffset);

    /** The bound asserted, in ulps of the float result. */
    abstract double maxUlpError();

    static final int LANES = FloatVector.SPECIES_PREFERRED.length();
    private static final int CHUNK = 1 << 16;

    /** Max error in ulps of the float result over the bit patterns [lo, hi) with the given stride. */
    private double maxUlpError(int lo, int hi, int stride, int[] worstBits) {
        float[] in = new float[CHUNK];
        float[] out = new float[CHUNK];
        double worst = 0;
        int bits = lo;
        while (bits < hi) {
            int n = 0;
            for (; n < CHUNK && bits < hi; n++, bits += stride) {
                in[n] = Float.intBitsToFloat(bits);
            }
            int padded = (n + LANES - 1) / LANES * LANES;
            for (int k = n; k < padded; k++) {
                in[k] = 1f;
            }
            logInto(in, 0, padded, out, 0);
            for (int k = 0; k < n; k++) {
                double exact = Math.log(in[k]);
                float rounded = (float) exact;
                double err = Math.abs(out[k] - exact) / Math.ulp(rounded == 0 ? Float.MIN_VALUE : rounded);
                if (!(err <= worst)) {
                    worst = err;
                    worstBits[0] = Float.floatToRawIntBits(in[k]);
                }
            }
        }
        return worst;
    }

    @Test
    void sweepOfAllBinadesIncludingSubnormals() {
        boolean exhaustive = Boolean.getBoolean("shannon4j.exhaustive");
        int[] worstBits = new int[1];
        double worst = maxUlpError(1, 0x7f800000, exhaustive ? 1 : 61, worstBits);
        System.out.println(getClass().getSimpleName() + ": max error " + worst + " ulp at x = " + Float.intBitsToFloat(worstBits[0])
                + (exhaustive ? " (exhaustive)" : " (every 61st float)"));
        assertTrue(worst <= maxUlpError(), () -> "max error " + worst + " ulp at x = "
                + Float.intBitsToFloat(worstBits[0]));
    }

    @Test
    void aroundOneWhereTheLogIsSmall() {
        int[] worstBits = new int[1];
        int one = Float.floatToRawIntBits(1f);
        double worst = maxUlpError(one - (1 << 16), one + (1 << 16), 1, worstBits);
        System.out.println(getClass().getSimpleName() + " near 1: max error " + worst + " ulp at x = " + Float.intBitsToFloat(worstBits[0]));
        assertTrue(worst <= maxUlpError(), () -> "max error " + worst + " ulp at x = "
                + Float.intBitsToFloat(worstBits[0]));
    }

    @Test
    void exactPoints() {
        float[] in = new float[LANES];
        float[] out = new float[LANES];
        java.util.Arrays.fill(in, 1f);
        in[1] = 2f;
        in[2] = Float.MIN_VALUE;
        in[3] = Float.MAX_VALUE;
        logInto(in, 0, LANES, out, 0);
        assertEquals(0f, out[0]);
        assertEquals((float) Math.log(2), out[1], Math.ulp((float) Math.log(2)));
        assertEquals((float) Math.log(Float.MIN_VALUE), out[2], 2 * Math.ulp(103f));
        assertEquals((float) Math.log(Float.MAX_VALUE), out[3], 2 * Math.ulp(88f));
    }
}

package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@link FloatLog} (table + polynomial): the sweeps of {@link FloatLogSweep} plus IEEE special values. */
class FloatLogTest extends FloatLogSweep {

    @BeforeAll
    static void supported() {
        assumeTrue(FloatLog.SUPPORTED, "FloatLog needs 16 float lanes");
    }

    @Override
    void logInto(float[] in, int from, int to, float[] out, int outOffset) {
        FloatLog.logInto(in, from, to, out, outOffset);
    }

    @Override
    double maxUlpError() {
        return FloatLog.MAX_ULP_ERROR;
    }

    /** IEEE values as Math.log: cross-entropy needs ln 0 = -inf; negative and NaN lanes give NaN. */
    @Test
    void specialValues() {
        float[] in = new float[LANES];
        float[] out = new float[LANES];
        java.util.Arrays.fill(in, 3f);
        in[0] = 0f;
        in[1] = -0f;
        in[2] = Float.POSITIVE_INFINITY;
        in[3] = -1f;
        in[4] = Float.NaN;
        in[5] = Float.NEGATIVE_INFINITY;
        in[6] = Float.MIN_VALUE;
        FloatLog.logInto(in, 0, LANES, out, 0);
        assertEquals(Float.NEGATIVE_INFINITY, out[0]);
        assertEquals(Float.NEGATIVE_INFINITY, out[1]);
        assertEquals(Float.POSITIVE_INFINITY, out[2]);
        assertTrue(Float.isNaN(out[3]));
        assertTrue(Float.isNaN(out[4]));
        assertTrue(Float.isNaN(out[5]));
        assertEquals((float) Math.log(Float.MIN_VALUE), out[6], Math.ulp(103f));
        assertEquals((float) Math.log(3), out[7], Math.ulp((float) Math.log(3)));
    }
}

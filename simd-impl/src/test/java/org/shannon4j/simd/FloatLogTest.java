package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.shannon4j.spi.Terms;

/** {@link FloatLog} (table + polynomial): the sweeps of {@link FloatLogSweep} plus IEEE special values. */
class FloatLogTest extends FloatLogSweep {

    @BeforeAll
    static void supported() {
        assumeTrue(FloatLog.SUPPORTED, "FloatLog needs 4, 8 or 16 float lanes");
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

    /**
     * The fused kernel loop with special lanes planted at every position of one vector among ordinary ones,
     * against the scalar terms in double. Tolerance 1e-6 relative: terms are rounded to float after a ≤ 1.5 ulp
     * log, all of one sign; a wrong term (a zero's log leaking in, a lost −∞) is off by far more or infinite.
     */
    @Test
    void kernelLoopWithSpecialLanes() {
        float[][] cases = {{0f, 0.5f}, {0f, 0f}, {0.25f, 0f}, {Float.MIN_VALUE, 0.5f}, {3e-40f, 3e-40f},
            {0.25f, 1e-40f}, {Float.MIN_NORMAL, Float.MIN_NORMAL}};
        for (int kind : new int[] {Terms.X_LOG_X, Terms.CROSS}) {
            for (float[] pq : cases) {
                for (int lane = 0; lane < LANES; lane++) {
                    java.util.SplittableRandom r = new java.util.SplittableRandom(lane);
                    float[] p = new float[4 * LANES];
                    float[] q = new float[4 * LANES];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = (float) r.nextDouble(0.001, 1);
                        q[i] = (float) r.nextDouble(0.001, 1);
                    }
                    p[LANES + lane] = pq[0];
                    q[LANES + lane] = pq[1];
                    double[] out = new double[4];
                    assertTrue(FloatLog.loop(kind, p, q, 0, p.length, 0, out));
                    double expected = 0;
                    for (int i = 0; i < p.length; i++) {
                        expected += kind == Terms.X_LOG_X ? org.shannon4j.spi.KernelMath.xLogX(p[i])
                                : org.shannon4j.spi.KernelMath.xLogY(p[i], q[i]);
                    }
                    String what = "kind " + kind + ", p = " + pq[0] + ", q = " + pq[1] + ", lane " + lane;
                    if (Double.isInfinite(expected)) {
                        assertEquals(expected, out[0], what);
                    } else {
                        assertEquals(expected, out[0], 1e-6 * Math.abs(expected), what);
                    }
                }
            }
        }
    }
}

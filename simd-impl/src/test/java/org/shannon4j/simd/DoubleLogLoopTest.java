package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shannon4j.spi.KernelMath;
import org.shannon4j.spi.Terms;

/**
 * {@link DoubleLog#loop} against the scalar terms of {@link KernelMath} when a vector holds lanes the lean
 * log does not take itself: each special value is planted at every lane position of one vector among ordinary
 * ones, so both the vector path (weight 0 under a meaningless log) and the scalar fallback are exercised.
 * Tolerance: the lean log is within 2 ulp per term and every term here has one sign, so 1e-14 relative is far
 * above the rounding of a 64-term sum and far below any wrong term (the smallest planted term is ≥ 1e-3 of
 * the total or exactly 0, −∞ or +∞).
 */
class DoubleLogLoopTest {

    private static final int N = 64;

    @BeforeAll
    static void supported() {
        Assumptions.assumeTrue(DoubleLog.SUPPORTED, "DoubleLog needs 2, 4 or 8 double lanes");
    }

    private static double[] uniform(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[N];
        for (int i = 0; i < N; i++) {
            a[i] = r.nextDouble(0.001, 1.0);
        }
        return a;
    }

    private static double reference(int kind, double[] p, double[] q) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += kind == Terms.X_LOG_X ? KernelMath.xLogX(p[i])
                    : kind == Terms.CROSS ? KernelMath.xLogY(p[i], q[i]) : KernelMath.xLogXOverY(p[i], q[i]);
        }
        return s;
    }

    /** Plants (pv, qv) at index 16 + lane for every lane and compares with the reference. */
    private static void plant(int kind, double pv, double qv) {
        for (int lane = 0; lane < 8; lane++) {
            double[] p = uniform(1 + lane);
            double[] q = uniform(100 + lane);
            p[16 + lane] = pv;
            q[16 + lane] = qv;
            double[] out = new double[4];
            assertTrue(DoubleLog.loop(kind, p, q, null, null, 0, N, 0, 1.0, out));
            double expected = reference(kind, p, q);
            String what = "kind " + kind + ", p = " + pv + ", q = " + qv + ", lane " + lane;
            if (Double.isInfinite(expected)) {
                assertEquals(expected, out[0], what);
            } else {
                assertEquals(expected, out[0], 1e-14 * Math.abs(expected), what);
            }
        }
    }

    @Test
    void entropyZeroAndSubnormalLanes() {
        plant(Terms.X_LOG_X, 0.0, 0.5);
        plant(Terms.X_LOG_X, Double.MIN_VALUE, 0.5);
        plant(Terms.X_LOG_X, 3e-310, 0.5);
        plant(Terms.X_LOG_X, Double.MIN_NORMAL, 0.5);
    }

    @Test
    void crossEntropyZeroLogArgument() {
        plant(Terms.CROSS, 0.0, 0.0);          // 0·ln 0 = 0 on the vector path
        plant(Terms.CROSS, 0.25, 0.0);         // p > 0, q = 0: −∞ from the scalar fallback
        plant(Terms.CROSS, 0.25, 1e-310);      // subnormal q
        plant(Terms.CROSS, 0.0, 1e-310);
    }

    @Test
    void klRatioOutsideTheNormalRange() {
        plant(Terms.KL, 0.0, 0.0);
        plant(Terms.KL, 0.0, 0.5);
        plant(Terms.KL, 0.25, 0.0);            // +∞
        plant(Terms.KL, 1e-300, 1e10);         // p/q underflows: ln p − ln q
        plant(Terms.KL, 1e300, 1e-10);         // p/q overflows
        plant(Terms.KL, 1e-300, 1e5);          // p/q subnormal
    }

    @Test
    void jensenShannonHalves() {
        for (int half : new int[] {Terms.JS, DoubleLog.JS_Q}) {
            for (double c : new double[] {1.0, 0.25}) {
                double[][] cases = {{0, 0}, {0.25, 0}, {0, 0.25}, {1e-300, 1e10}, {1e10, 1e-300}, {1e307, 1e308}};
                for (double[] pq : cases) {
                    for (int lane = 0; lane < 8; lane++) {
                        double[] p = uniform(11 + lane);
                        double[] q = uniform(31 + lane);
                        p[40 + lane] = pq[0];
                        q[40 + lane] = pq[1];
                        double[] out = new double[4];
                        DoubleLog.loop(half, p, q, null, null, 0, N, 0, c, out);
                        double expected = 0;
                        for (int i = 0; i < N; i++) {
                            expected += half == Terms.JS ? KernelMath.jensenShannonP(p[i], q[i], c)
                                    : KernelMath.jensenShannonQ(p[i], q[i], c);
                        }
                        assertEquals(expected, out[0], 1e-14 * Math.abs(expected) + 1e-300,
                                "half " + half + ", c " + c + ", p = " + pq[0] + ", q = " + pq[1] + ", lane " + lane);
                    }
                }
            }
        }
    }

    @Test
    void negativeLanesAreReported() {
        for (int kind : new int[] {Terms.X_LOG_X, Terms.CROSS, Terms.KL}) {
            double[] p = uniform(7);
            double[] q = uniform(8);
            p[21] = -0.5;
            assertFalse(DoubleLog.loop(kind, p, q, null, null, 0, N, 0, 1.0, new double[4]), "kind " + kind);
            p[21] = 0.5;
            q[21] = -0.5;
            assertEquals(kind == Terms.X_LOG_X, DoubleLog.loop(kind, p, q, null, null, 0, N, 0, 1.0, new double[4]),
                    "kind " + kind + ": q is read only by CROSS and KL");
        }
    }

    @Test
    void sumsCoverEveryLane() {
        double[] p = uniform(3);
        double[] q = uniform(4);
        double[] out = new double[4];
        DoubleLog.loop(Terms.KL, p, q, null, null, 8, N, 0, 1.0, out);
        double sp = 0, sq = 0;
        for (int i = 8; i < N; i++) {
            sp += p[i];
            sq += q[i];
        }
        assertEquals(sp, out[2], 1e-14 * sp);
        assertEquals(sq, out[3], 1e-14 * sq);
    }
}

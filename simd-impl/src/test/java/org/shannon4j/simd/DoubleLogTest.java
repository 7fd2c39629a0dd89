package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DoubleLog (through {@link DoubleLog#logInto}, the kernels' own loop with kind LOG) against {@code StrictMath.log} (fdlibm, itself within 1 ulp), in ulps of the reference. Samples:
 * uniformly random bit patterns over all positive finite doubles (every binade, subnormals included), random
 * values in [0.5, 2], every double within 2^20 ulps of 1 on both sides, all subnormal binades and the largest
 * doubles; 2^24 random patterns per source by default, 2^28 with {@code -Dshannon4j.exhaustive=true}.
 */
class DoubleLogTest {

    private static final int CHUNK = 1 << 16;

    @BeforeAll
    static void supported() {
        Assumptions.assumeTrue(DoubleLog.SUPPORTED, "DoubleLog needs 2, 4 or 8 double lanes");
    }

    private static long samples() {
        return Boolean.getBoolean("shannon4j.exhaustive") ? 1L << 28 : 1L << 24;
    }

    /** Max ulp error over count values from the supplier; worst[0] receives the worst input. */
    static double maxUlpError(LongSupplier bits, long count, double[] worst) {
        double[] in = new double[CHUNK];
        double[] out = new double[CHUNK];
        double max = 0;
        for (long done = 0; done < count; done += CHUNK) {
            int n = (int) Math.min(CHUNK, count - done);
            for (int k = 0; k < n; k++) {
                in[k] = Double.longBitsToDouble(bits.getAsLong());
            }
            for (int k = n; k < CHUNK; k++) {
                in[k] = 1;
            }
            DoubleLog.logInto(in, 0, CHUNK, out, 0);
            for (int k = 0; k < n; k++) {
                double ref = StrictMath.log(in[k]);
                double err = ref == 0 ? Math.abs(out[k]) / Double.MIN_VALUE : Math.abs(out[k] - ref) / Math.ulp(ref);
                if (!(err <= max)) {
                    max = err;
                    worst[0] = in[k];
                }
            }
        }
        return max;
    }

    private static void check(String what, LongSupplier bits, long count) {
        double[] worst = new double[1];
        double max = maxUlpError(bits, count, worst);
        System.out.println("DoubleLog " + what + ": max error " + max + " ulp at x = " + worst[0] + " ("
                + count + " samples)");
        assertTrue(max <= DoubleLog.MAX_ULP_ERROR, () -> what + ": max error " + max + " ulp at x = " + worst[0]);
    }

    @Test
    void randomBitPatternsOverAllBinades() {
        SplittableRandom r = new SplittableRandom(1);
        check("all binades", () -> r.nextLong(1, 0x7ff0000000000000L), samples());
    }

    @Test
    void randomValuesBetweenHalfAndTwo() {
        SplittableRandom r = new SplittableRandom(2);
        check("[0.5, 2]", () -> Double.doubleToRawLongBits(r.nextDouble(0.5, 2.0)), samples());
    }

    @Test
    void everyDoubleNearOne() {
        long one = Double.doubleToRawLongBits(1.0);
        long[] next = {one - (1 << 20)};
        check("1 ± 2^20 ulps", () -> next[0]++, 1L << 21);
    }

    @Test
    void subnormalsAndTheLargestValues() {
        SplittableRandom r = new SplittableRandom(3);
        check("subnormals", () -> r.nextLong(1, 0x0010000000000000L), 1 << 20);
        long[] small = {1};
        check("smallest subnormals", () -> small[0]++, 1 << 16);
        long[] big = {0x7fefffffffffffffL};
        check("largest doubles", () -> big[0]--, 1 << 16);
        long[] pow = {0};
        check("powers of two", () -> 0x0010000000000000L * (1 + pow[0]++ % 2046), 2046);
    }

    @Test
    void exactPoints() {
        double[] in = {1, 2, 0.5, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, Math.E, 0.703125};
        double[] out = new double[8];
        DoubleLog.logInto(in, 0, 8, out, 0);
        assertEquals(0.0, out[0]);
        for (int i = 1; i < 8; i++) {
            assertEquals(StrictMath.log(in[i]), out[i], DoubleLog.MAX_ULP_ERROR * Math.ulp(StrictMath.log(in[i])),
                    "x = " + in[i]);
        }
        DoubleLog.logInto(in, 0, 8, in, 0); // in place
        assertEquals(0.0, in[0]);
        assertEquals(StrictMath.log(2), in[1], DoubleLog.MAX_ULP_ERROR * Math.ulp(StrictMath.log(2)));
    }

    @Test
    void specialValuesAsMathLog() {
        double[] in = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NaN, -1.0, Double.NEGATIVE_INFINITY, 2.0, 1e-310};
        double[] out = new double[8];
        DoubleLog.logInto(in, 0, 8, out, 0);
        for (int i = 0; i < 8; i++) {
            double ref = Math.log(in[i]);
            assertEquals(ref, out[i], Double.isFinite(ref) ? DoubleLog.MAX_ULP_ERROR * Math.ulp(ref) : 0.0, "x = " + in[i]);
        }
    }
}

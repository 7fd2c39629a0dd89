package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both DoubleLog variants ({@link DoubleLog#logInto}, the compensated log of {@link DoubleLog#loop}, and
 * {@link DoubleLog#leanLogInto}, the log of {@link DoubleLog#leanLoop}) against {@code StrictMath.log} (fdlibm, itself within 1 ulp), in ulps of the reference. Samples:
 * uniformly random bit patterns over all positive finite doubles (every binade, subnormals included), random
 * values in [0.5, 2], every double within 2^20 ulps of 1 on both sides, all subnormal binades and the largest
 * doubles; 2^24 random patterns per source by default, 2^28 with {@code -Dshannon4j.exhaustive=true}.
 */
class DoubleLogTest {

    private static final int CHUNK = 1 << 16;

    /** A vector log under test and the bound it must meet. */
    enum Variant {
        COMPENSATED(DoubleLog.MAX_ULP_ERROR) {
            @Override
            void logInto(double[] x, int from, int to, double[] out, int o) {
                DoubleLog.logInto(x, from, to, out, o);
            }
        },
        LEAN(DoubleLog.LEAN_MAX_ULP_ERROR) {
            @Override
            void logInto(double[] x, int from, int to, double[] out, int o) {
                DoubleLog.leanLogInto(x, from, to, out, o);
            }
        };

        final double bound;

        Variant(double bound) {
            this.bound = bound;
        }

        abstract void logInto(double[] x, int from, int to, double[] out, int o);
    }

    @BeforeAll
    static void supported() {
        Assumptions.assumeTrue(DoubleLog.SUPPORTED, "DoubleLog needs 8 double lanes");
    }

    private static long samples() {
        return Boolean.getBoolean("shannon4j.exhaustive") ? 1L << 28 : 1L << 24;
    }

    /** Max ulp error over count values from the supplier; worst[0] receives the worst input. */
    static double maxUlpError(Variant v, LongSupplier bits, long count, double[] worst) {
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
            v.logInto(in, 0, CHUNK, out, 0);
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

    /** Runs the sweep on every variant; the supplier is rebuilt for each, so both see the same inputs. */
    private static void check(String what, java.util.function.Supplier<LongSupplier> bits, long count) {
        for (Variant v : Variant.values()) {
            double[] worst = new double[1];
            double max = maxUlpError(v, bits.get(), count, worst);
            System.out.println("DoubleLog " + v + " " + what + ": max error " + max + " ulp at x = " + worst[0]
                    + " (" + count + " samples)");
            assertTrue(max <= v.bound, () -> v + " " + what + ": max error " + max + " ulp at x = " + worst[0]);
        }
    }

    @Test
    void randomBitPatternsOverAllBinades() {
        check("all binades", () -> {
            SplittableRandom r = new SplittableRandom(1);
            return () -> r.nextLong(1, 0x7ff0000000000000L);
        }, samples());
    }

    @Test
    void randomValuesBetweenHalfAndTwo() {
        check("[0.5, 2]", () -> {
            SplittableRandom r = new SplittableRandom(2);
            return () -> Double.doubleToRawLongBits(r.nextDouble(0.5, 2.0));
        }, samples());
    }

    @Test
    void everyDoubleNearOne() {
        long one = Double.doubleToRawLongBits(1.0);
        check("1 ± 2^20 ulps", () -> {
            long[] next = {one - (1 << 20)};
            return () -> next[0]++;
        }, 1L << 21);
    }

    @Test
    void subnormalsAndTheLargestValues() {
        check("subnormals", () -> {
            SplittableRandom r = new SplittableRandom(3);
            return () -> r.nextLong(1, 0x0010000000000000L);
        }, 1 << 20);
        check("smallest subnormals", () -> {
            long[] small = {1};
            return () -> small[0]++;
        }, 1 << 16);
        check("largest doubles", () -> {
            long[] big = {0x7fefffffffffffffL};
            return () -> big[0]--;
        }, 1 << 16);
        check("powers of two", () -> {
            long[] pow = {0};
            return () -> 0x0010000000000000L * (1 + pow[0]++ % 2046);
        }, 2046);
    }

    @Test
    void exactPoints() {
        for (Variant v : Variant.values()) {
            exactPoints(v);
        }
    }

    private static void exactPoints(Variant v) {
        double[] in = {1, 2, 0.5, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, Math.E, 0.703125};
        double[] out = new double[8];
        v.logInto(in, 0, 8, out, 0);
        assertEquals(0.0, out[0]);
        for (int i = 1; i < 8; i++) {
            assertEquals(StrictMath.log(in[i]), out[i], v.bound * Math.ulp(StrictMath.log(in[i])), v + " x = " + in[i]);
        }
        v.logInto(in, 0, 8, in, 0); // in place
        assertEquals(0.0, in[0]);
        assertEquals(StrictMath.log(2), in[1], v.bound * Math.ulp(StrictMath.log(2)));
    }

    @Test
    void specialValuesAsMathLog() {
        for (Variant v : Variant.values()) {
            double[] in = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NaN, -1.0, Double.NEGATIVE_INFINITY, 2.0, 1e-310};
            double[] out = new double[8];
            v.logInto(in, 0, 8, out, 0);
            for (int i = 0; i < 8; i++) {
                double ref = Math.log(in[i]);
                assertEquals(ref, out[i], Double.isFinite(ref) ? v.bound * Math.ulp(ref) : 0.0, v + " x = " + in[i]);
            }
        }
    }
}

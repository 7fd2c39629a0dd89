package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * LaneMath's exp, log and log1p against {@code StrictMath} (fdlibm, itself within 1 ulp), in ulps of the
 * reference; 2^22 samples per range by default, 2^26 with {@code -Dshannon4j.exhaustive=true}. Ranges: exp over
 * its whole finite range and [−1, 1]; log over random bit patterns of every positive binade, [0.5, 2] and every
 * double within 2^18 ulps of 1; log1p over [−1, 1], tiny arguments, [1, 1e6] and the loss kernels' shapes
 * (−p for p in [0, 1], e^−|x|). Special values as {@code Math}. Chunks of 2^16 are whole vectors, so the vector
 * path is what is measured.
 */
class LaneMathTest {

    private static final int CHUNK = 1 << 16;
    private static final long SAMPLES = Boolean.getBoolean("shannon4j.exhaustive") ? 1L << 26 : 1L << 22;

    interface ArrayFunction {
        void apply(double[] x, int from, int to, double[] out, int o);
    }

    private static double ulps(double got, double ref) {
        if (got == ref || Double.isNaN(got) && Double.isNaN(ref)) {
            return 0;
        }
        if (Double.isInfinite(ref) || Double.isNaN(ref) || Double.isNaN(got)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(got - ref) / Math.ulp(ref);
    }

    private static void check(String what, ArrayFunction f, DoubleUnaryOperator ref, double bound, DoubleSupplier xs,
                              long count) {
        double[] in = new double[CHUNK];
        double[] out = new double[CHUNK];
        double max = 0, worst = 0;
        for (long done = 0; done < count; done += CHUNK) {
            for (int k = 0; k < CHUNK; k++) {
                in[k] = xs.getAsDouble();
            }
            f.apply(in, 0, CHUNK, out, 0);
            for (int k = 0; k < CHUNK; k++) {
                double e = ulps(out[k], ref.applyAsDouble(in[k]));
                if (!(e <= max)) {
                    max = e;
                    worst = in[k];
                }
            }
        }
        double m = max, w = worst;
        System.out.println("LaneMath " + what + ": max error " + m + " ulp at x = " + w + " (" + count + " samples)");
        assertTrue(m <= bound, () -> what + ": " + m + " ulp at x = " + w);
    }

    @Test
    void exp() {
        SplittableRandom r = new SplittableRandom(1);
        check("exp [-746, 710]", LaneMath::exp, StrictMath::exp, LaneMath.EXP_ULP, () -> r.nextDouble(-746, 710),
                SAMPLES);
        check("exp [-1, 1]", LaneMath::exp, StrictMath::exp, LaneMath.EXP_ULP, () -> r.nextDouble(-1, 1), SAMPLES);
        check("exp [-40, 0]", LaneMath::exp, StrictMath::exp, LaneMath.EXP_ULP, () -> r.nextDouble(-40, 0), SAMPLES);
    }

    @Test
    void log() {
        SplittableRandom r = new SplittableRandom(2);
        check("log all binades", LaneMath::log, StrictMath::log, LaneMath.LOG_ULP,
                () -> Double.longBitsToDouble(r.nextLong(1, 0x7ff0000000000000L)), SAMPLES);
        check("log [0.5, 2]", LaneMath::log, StrictMath::log, LaneMath.LOG_ULP, () -> r.nextDouble(0.5, 2), SAMPLES);
        long[] next = {Double.doubleToRawLongBits(1.0) - (1 << 18)};
        check("log 1 ± 2^18 ulps", LaneMath::log, StrictMath::log, LaneMath.LOG_ULP,
                () -> Double.longBitsToDouble(next[0]++), 1 << 19);
    }

    @Test
    void log1p() {
        SplittableRandom r = new SplittableRandom(3);
        check("log1p [-1, 1]", LaneMath::log1p, StrictMath::log1p, LaneMath.LOG1P_ULP, () -> r.nextDouble(-1, 1),
                SAMPLES);
        check("log1p |t| < 1e-3", LaneMath::log1p, StrictMath::log1p, LaneMath.LOG1P_ULP,
                () -> r.nextDouble(-1e-3, 1e-3), SAMPLES);
        check("log1p tiny", LaneMath::log1p, StrictMath::log1p, LaneMath.LOG1P_ULP,
                () -> Math.scalb(r.nextDouble(-1, 1), -r.nextInt(20, 1070)), SAMPLES);
        check("log1p [1, 1e6]", LaneMath::log1p, StrictMath::log1p, LaneMath.LOG1P_ULP, () -> r.nextDouble(1, 1e6),
                SAMPLES);
        check("log1p(-p)", LaneMath::log1p, StrictMath::log1p, LaneMath.LOG1P_ULP, () -> -r.nextDouble(), SAMPLES);
        check("log1p(e^-|x|)", LaneMath::log1p, StrictMath::log1p, LaneMath.LOG1P_ULP,
                () -> Math.exp(-Math.abs(r.nextGaussian() * 20)), SAMPLES);
    }

    @Test
    void specialValuesAsMath() {
        double[] in = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, -1.0, 1e-310,
            Double.MIN_VALUE, Double.MAX_VALUE, 709.0, 710.0, -745.0, -746.0, 708.0, -708.0, 1.0};
        double[] out = new double[in.length];
        LaneMath.exp(in, 0, in.length, out, 0);
        for (int i = 0; i < in.length; i++) {
            assertEquals(0.0, ulps(out[i], StrictMath.exp(in[i])), LaneMath.EXP_ULP, "exp " + in[i]);
        }
        LaneMath.log(in, 0, in.length, out, 0);
        for (int i = 0; i < in.length; i++) {
            assertEquals(0.0, ulps(out[i], StrictMath.log(in[i])), LaneMath.LOG_ULP, "log " + in[i]);
        }
        LaneMath.log1p(in, 0, in.length, out, 0);
        for (int i = 0; i < in.length; i++) {
            assertEquals(0.0, ulps(out[i], StrictMath.log1p(in[i])), LaneMath.LOG1P_ULP, "log1p " + in[i]);
        }
        assertEquals(1.0, out(LaneMath::exp, 0.0));
        assertEquals(0.0, out(LaneMath::log, 1.0));
        assertEquals(0x1p-60, out(LaneMath::log1p, 0x1p-60));
    }

    private static double out(ArrayFunction f, double x) {
        double[] in = new double[16];
        java.util.Arrays.fill(in, x);
        f.apply(in, 0, 16, in, 0); // in place
        return in[0];
    }

    @Test
    void sumIsInIndexOrderPerLaneThenTail() {
        double[] a = {1e16, 1, 1, 1, 1, 1, 1, 1, 1, -1e16, 3};
        double expected = 0;
        int dl = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
        int end = a.length / dl * dl;
        double[] lanes = new double[dl];
        for (int i = 0; i < end; i++) {
            lanes[i % dl] += a[i];
        }
        for (double l : lanes) {
            expected += l;
        }
        for (int i = end; i < a.length; i++) {
            expected += a[i];
        }
        assertEquals(expected, LaneMath.sum(a, 0, a.length));
    }
}

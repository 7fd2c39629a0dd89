package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;

/**
 * DoubleExp and FloatExp against {@code StrictMath.exp} (fdlibm, within 1 ulp; rounded to float for FloatExp),
 * in ulps of the reference. Double: 2^24 uniform samples over the whole finite-result range [−746, 710], 2^22
 * in [−1, 1], 2^20 around the overflow and subnormal edges (2^28 each with {@code -Dshannon4j.exhaustive=true}).
 * Float: every float in [−104, 89] with stride 7 by default, every one with the exhaustive switch. Special
 * values (±∞, NaN, the thresholds) exactly.
 */
class ExpTest {

    private static final int CHUNK = 1 << 16;
    private static final boolean EXHAUSTIVE = Boolean.getBoolean("shannon4j.exhaustive");

    private static double ulps(double got, double ref) {
        if (got == ref) {
            return 0;
        }
        if (Double.isInfinite(ref) || Double.isNaN(ref) || Double.isNaN(got)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(got - ref) / Math.ulp(ref);
    }

    private static void checkDouble(String what, DoubleSupplier xs, long count) {
        if (!DoubleExp.SUPPORTED) {
            return;
        }
        double[] in = new double[CHUNK];
        double[] out = new double[CHUNK];
        double max = 0, worst = 0;
        for (long done = 0; done < count; done += CHUNK) {
            int n = (int) Math.min(CHUNK, count - done);
            for (int k = 0; k < CHUNK; k++) {
                in[k] = k < n ? xs.getAsDouble() : 0;
            }
            DoubleExp.expInto(in, 0, CHUNK, out, 0);
            for (int k = 0; k < n; k++) {
                double e = ulps(out[k], StrictMath.exp(in[k]));
                if (!(e <= max)) {
                    max = e;
                    worst = in[k];
                }
            }
        }
        double m = max, w = worst;
        System.out.println("DoubleExp " + what + ": max error " + m + " ulp at x = " + w + " (" + count + " samples)");
        assertTrue(m <= DoubleExp.MAX_ULP_ERROR, () -> what + ": " + m + " ulp at x = " + w);
    }

    @Test
    void doubleOverTheWholeRange() {
        SplittableRandom r = new SplittableRandom(11);
        long n = EXHAUSTIVE ? 1L << 28 : 1L << 24;
        checkDouble("[-746, 710]", () -> r.nextDouble(-746, 710), n);
        checkDouble("[-1, 1]", () -> r.nextDouble(-1, 1), n / 4);
        checkDouble("overflow edge", () -> r.nextDouble(700, 710), n / 16);
        checkDouble("subnormal edge", () -> r.nextDouble(-746, -700), n / 16);
        checkDouble("tiny", () -> r.nextDouble(-1e-10, 1e-10), n / 16);
    }

    @Test
    void doubleSpecialValues() {
        if (!DoubleExp.SUPPORTED) {
            return;
        }
        double[] in = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, 0.0,
            DoubleExp.OVERFLOW, Math.nextUp(DoubleExp.OVERFLOW), DoubleExp.UNDERFLOW, Math.nextDown(DoubleExp.UNDERFLOW)};
        double[] out = new double[8];
        DoubleExp.expInto(in, 0, 8, out, 0);
        for (int i = 0; i < 8; i++) {
            double ref = StrictMath.exp(in[i]);
            assertEquals(ref, out[i], Double.isFinite(ref) ? Math.ulp(ref) : 0, "x = " + in[i]);
        }
    }

    @Test
    void floatOverEveryFloatInRange() {
        if (!FloatExp.SUPPORTED) {
            return;
        }
        int stride = EXHAUSTIVE ? 1 : 7;
        float[] in = new float[CHUNK];
        float[] out = new float[CHUNK];
        double max = 0;
        float worst = 0;
        long count = 0;
        // Two sweeps over the bit patterns: [0, 89] and [-104, -0].
        int[][] ranges = {{0, Float.floatToRawIntBits(89f)}, {Integer.MIN_VALUE, Float.floatToRawIntBits(-104f)}};
        for (int[] range : ranges) {
            long bits = range[0] & 0xffffffffL;
            long end = range[1] & 0xffffffffL;
            while (bits <= end) {
                int n = 0;
                for (; n < CHUNK && bits <= end; n++, bits += stride) {
                    in[n] = Float.intBitsToFloat((int) bits);
                }
                for (int k = n; k < CHUNK; k++) {
                    in[k] = 0;
                }
                FloatExp.expInto(in, 0, CHUNK, out, 0);
                for (int k = 0; k < n; k++) {
                    float ref = (float) StrictMath.exp(in[k]);
                    double e = out[k] == ref ? 0 : Float.isInfinite(ref) || Float.isNaN(out[k])
                            ? Double.POSITIVE_INFINITY : Math.abs(out[k] - ref) / Math.ulp(ref);
                    if (!(e <= max)) {
                        max = e;
                        worst = in[k];
                    }
                }
                count += n;
            }
        }
        double m = max;
        float w = worst;
        System.out.println("FloatExp: max error " + m + " ulp at x = " + w + " (" + count + " floats)");
        assertTrue(m <= FloatExp.MAX_ULP_ERROR, () -> m + " ulp at x = " + w);
    }

    @Test
    void floatSpecialValues() {
        if (!FloatExp.SUPPORTED) {
            return;
        }
        float[] in = new float[16];
        float[] vals = {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NaN, 0f, FloatExp.OVERFLOW,
            Math.nextUp(FloatExp.OVERFLOW), FloatExp.UNDERFLOW, Math.nextDown(FloatExp.UNDERFLOW), -1000f, 1000f};
        System.arraycopy(vals, 0, in, 0, vals.length);
        float[] out = new float[16];
        FloatExp.expInto(in, 0, 16, out, 0);
        for (int i = 0; i < vals.length; i++) {
            float ref = (float) StrictMath.exp(in[i]);
            assertEquals(ref, out[i], Float.isFinite(ref) ? Math.ulp(ref) : 0, "x = " + in[i]);
        }
    }
}

package org.shannon4j.continuous.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shannon4j.Shannon;
import org.shannon4j.spi.Parallelism;

/** Bad input names the argument, index and value; the out-of-range policies do what they say. */
class RegistrationBadInputTest {

    private static Registration reg(String backend) {
        return Registration.of(Shannon.get(backend).context());
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void badArguments(String backend) {
        Registration r = reg(backend);
        float[] a = {1, 2, 3};
        assertEquals("a.length = 3 but b.length = 2: the images must have the same number of voxels",
                message(() -> r.mutualInformation(a, new float[2], 4)));
        assertEquals("a and b are empty", message(() -> r.mutualInformation(new double[0], new double[0], 4)));
        assertEquals("bins = 1: must be in 2..4096", message(() -> r.mutualInformation(a, a, 1)));
        assertEquals("a[1] = NaN: values must be finite",
                message(() -> r.mutualInformation(new float[] {1, Float.NaN}, new float[2], 4)));
        assertEquals("b[0] = Infinity: values must be finite",
                message(() -> r.mutualInformation(new double[2], new double[] {Double.POSITIVE_INFINITY, 0}, 4)));
        assertEquals("b[2] = NaN: values must be finite", message(() -> r.measures(a, new float[] {0, 1, Float.NaN},
                4, 0, 10, 0, 10, OutOfRange.IGNORE)));
        assertEquals("range of a [2.0, 1.0]: min > max",
                message(() -> r.measures(a, a, 4, 2, 1, 0, 1, OutOfRange.IGNORE)));
        assertEquals("range of b [0.0, NaN] is not finite",
                message(() -> r.measures(a, a, 4, 0, 1, 0, Double.NaN, OutOfRange.IGNORE)));
        assertEquals("a[2] = 3.0 is outside the range [0.0, 2.5] (OutOfRange.REJECT)",
                message(() -> r.measures(a, a, 4, 0, 2.5, 0, 10, OutOfRange.REJECT)));
        assertEquals("no pair of a and b is inside the ranges (OutOfRange.IGNORE dropped every pair)",
                message(() -> r.measures(a, a, 4, 10, 20, 0, 10, OutOfRange.IGNORE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void policies(String backend) {
        Registration r = reg(backend);
        double[] a = {-5, 0, 0.5, 1, 7};
        double[] b = {0, 0, 1, 1, 1};
        // IGNORE drops the pairs outside; CLAMP moves them to the end bins
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1},
                r.jointHistogram(a, b, 4, 0, 1, 0, 1, OutOfRange.IGNORE));
        assertArrayEquals(new int[] {2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2},
                r.jointHistogram(a, b, 4, 0, 1, 0, 1, OutOfRange.CLAMP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void theLowestBadIndexIsReportedOnAnyThreadCount(String backend) {
        var ctx = Shannon.get(backend).context().withParallelism(Parallelism.of(2, null, false));
        Registration r = Registration.of(ctx);
        int n = (int) Parallelism.MIN_SPLIT * 2;
        float[] a = new float[n];
        float[] b = new float[n];
        a[n - 3] = 50;
        a[n / 2 + 7] = 60;
        a[123] = Float.NaN;
        assertEquals("a[123] = NaN: values must be finite",
                message(() -> r.measures(a, b, 8, 0, 1, 0, 1, OutOfRange.REJECT)));
        a[123] = 0;
        assertEquals("a[" + (n / 2 + 7) + "] = 60.0 is outside the range [0.0, 1.0] (OutOfRange.REJECT)",
                message(() -> r.measures(a, b, 8, 0, 1, 0, 1, OutOfRange.REJECT)));
        assertEquals(n - 2, r.measures(a, b, 8, 0, 1, 0, 1, OutOfRange.IGNORE).pairs());
    }

    /** Stretches where many pairs are outside (settled pair by pair between kernel runs) and stretches inside. */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void denseStretchesOutsideAreClampedOrDroppedOnAnyThreadCount(String backend) {
        int n = (int) Parallelism.MIN_SPLIT * 2 + 5;
        float[] a = new float[n];
        float[] b = new float[n];
        int[] clamp = new int[64];
        int[] ignore = new int[64];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            // integers on the integer edges of [0, 8]: 8 is in the last bin
            int x = (i / 1000) % 3 == 0 ? rnd.nextInt(-2, 11) : rnd.nextInt(0, 8);
            int y = (i / 700) % 4 == 0 ? rnd.nextInt(0, 10) : rnd.nextInt(0, 9);
            a[i] = x;
            b[i] = y;
            int cy = Math.min(y, 7);
            clamp[Math.min(Math.max(x, 0), 7) * 8 + cy]++;
            if (x >= 0 && x <= 8 && y <= 8) {
                ignore[Math.min(x, 7) * 8 + cy]++;
            }
        }
        for (int threads = 1; threads <= 2; threads++) {
            var ctx = Shannon.get(backend).context().withParallelism(Parallelism.of(threads, null, false));
            Registration r = Registration.of(ctx);
            assertArrayEquals(clamp, r.jointHistogram(a, b, 8, 0, 8, 0, 8, OutOfRange.CLAMP), "threads " + threads);
            assertArrayEquals(ignore, r.jointHistogram(a, b, 8, 0, 8, 0, 8, OutOfRange.IGNORE), "threads " + threads);
        }
    }
}

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

    /**
     * From an audit against numpy: two constant images scored NMI 2 and ECC 1 for 424 sizes up to 20,000 (the first
     * is 23: ln n − (n·ln n)/n is not 0 there); CLAMP clamped the bin, not the value, which differs where a range a
     * few ulps wide makes edges equal (numpy: histogram2d(np.clip(a, lo, hi), b, 16, range) gives MI
     * 0.2157615543388356, NMI 1.2075187496394217); Mattes returned 0 for ranges whose bin size is not a positive
     * finite double (ITK refuses them).
     */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void constantImagesClampedValuesAndMattesBinSizes(String backend) {
        Registration r = reg(backend);
        double[] a = new double[23];
        double[] b = new double[23];
        java.util.Arrays.fill(a, 3.25);
        java.util.Arrays.fill(b, -1.0);
        HistogramMutualInformation m = r.measures(a, b, 16);
        assertEquals(0.0, m.mutualInformation());
        assertEquals(1.0, m.normalizedMutualInformation());
        assertEquals(0.0, m.entropyCorrelationCoefficient());
        assertEquals(0.0, m.jointEntropy());
        double lo = 1.0;
        double hi = 1.0 + 4 * Math.ulp(1.0);
        HistogramMutualInformation c = r.measures(new double[] {Math.nextDown(1.0), 1.0, 1.0, hi},
                new double[] {0, 1, 0, 1}, 16, lo, hi, 0, 1, OutOfRange.CLAMP);
        assertEquals(0.2157615543388356, c.mutualInformation(), 1e-15);
        assertEquals(1.2075187496394217, c.normalizedMutualInformation(), 1e-15);
        double max = Double.MAX_VALUE;
        double[] moving = {1, 2, 3, 4, 5, 6, 7, 8};
        assertEquals("range of fixed [-1.7976931348623157E308, 1.7976931348623157E308]: its Mattes bin size "
                + "(max - min)/12 = Infinity is not finite: rescale the image",
                message(() -> r.mattesMutualInformation(new double[] {-max, 0, max, 1, -1e308, 1e308, 5, 6}, moving,
                        16)));
        assertEquals("range of fixed [0.0, 4.9E-324]: its Mattes bin size (max - min)/12 = 0.0 is 0: rescale the "
                + "image", message(() -> r.mattesMutualInformation(new double[] {0, Double.MIN_VALUE, 0, 0, 0, 0, 0,
                        Double.MIN_VALUE}, moving, 16)));
    }

    /**
     * A given range of one value m: numpy widens its edges to m ± ½, CLAMP is the histogram of np.clip(a, m, m)
     * (every value in m's bin), REJECT refuses any other value, IGNORE counts what the widened edges hold (numpy's
     * histogram2d with that range). Float and double images, long enough for the kernels.
     */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void pinnedRangeUnderEveryPolicy(String backend) {
        Registration r = reg(backend);
        int n = 1000;
        double[] a = new double[n];
        double[] b = new double[n];
        float[] af = new float[n];
        float[] bf = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = 0.5 + (i * 37 % n) / (double) n; // 0.5 .. 1.499
            b[i] = i % 2;
            af[i] = (float) a[i];
            bf[i] = (float) b[i];
        }
        // np.histogram2d(np.clip(a, 1, 1), b, 2, range=[[1, 1], [0, 1]]): [[0, 0], [500, 500]]
        assertArrayEquals(new int[] {0, 0, 500, 500}, r.jointHistogram(a, b, 2, 1.0, 1.0, 0.0, 1.0,
                OutOfRange.CLAMP));
        assertArrayEquals(new int[] {0, 0, 500, 500}, r.jointHistogram(af, bf, 2, 1.0, 1.0, 0.0, 1.0,
                OutOfRange.CLAMP));
        assertEquals(0.0, r.measures(a, b, 2, 1.0, 1.0, 0.0, 1.0, OutOfRange.CLAMP).mutualInformation());
        int[] ignored = r.jointHistogram(a, b, 2, 1.0, 1.0, 0.0, 1.0, OutOfRange.IGNORE);
        assertEquals(n, java.util.Arrays.stream(ignored).sum()); // every value within the widened [0.5, 1.5]
        assertEquals("a[0] = 0.5 is outside the range [1.0, 1.0] (OutOfRange.REJECT)",
                message(() -> r.measures(a, b, 2, 1.0, 1.0, 0.0, 1.0, OutOfRange.REJECT)));
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        assertArrayEquals(new int[] {0, 0, 500, 500}, r.jointHistogram(ones, b, 2, 1.0, 1.0, 0.0, 1.0,
                OutOfRange.REJECT));
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
    void badIntegerArguments(String backend) {
        Registration r = reg(backend);
        byte[] a = {1, 2, (byte) 200};
        assertEquals("a.length = 3 but b.length = 2: the images must have the same number of voxels",
                message(() -> r.measures(a, new byte[2], 4, Signedness.UNSIGNED)));
        assertEquals("a and b are empty", message(() -> r.measures(new short[0], new short[0], 4, Signedness.SIGNED)));
        assertEquals("bins = 1: must be in 2..4096", message(() -> r.measures(a, a, 1, Signedness.SIGNED)));
        assertEquals("a[2] = 200.0 is outside the range [0.0, 100.0] (OutOfRange.REJECT)",
                message(() -> r.measures(a, a, 4, Signedness.UNSIGNED, 0, 100, 0, 300, OutOfRange.REJECT)));
        assertEquals("a[2] = -56.0 is outside the range [0.0, 100.0] (OutOfRange.REJECT)",
                message(() -> r.measures(a, a, 4, Signedness.SIGNED, 0, 100, -100, 100, OutOfRange.REJECT)));
        assertEquals("range of b [0.0, NaN] is not finite", message(() -> r.measures(new short[] {1}, new short[] {1},
                4, Signedness.SIGNED, 0, 1, 0, Double.NaN, OutOfRange.IGNORE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void badMattesArguments(String backend) {
        Registration r = reg(backend);
        double[] a = {1, 2, 3};
        assertEquals("fixed.length = 3 but moving.length = 2: the images must have the same number of voxels",
                message(() -> r.mattesMutualInformation(a, new double[2], 8)));
        assertEquals("fixed and moving are empty",
                message(() -> r.mattesMutualInformation(new float[0], new float[0], 8)));
        assertEquals("bins = 4: must be in 5..4096 (Mattes MI pads two bins on each side)",
                message(() -> r.mattesMutualInformation(a, a, 4)));
        assertEquals("moving[1] = NaN: values must be finite",
                message(() -> r.mattesMutualInformation(a, new double[] {0, Double.NaN, 1}, 8)));
        assertEquals("fixed is constant (every value is 5.0): Mattes MI needs a range to size its bins",
                message(() -> r.mattesMutualInformation(new double[] {5, 5, 5}, a, 8)));
        assertEquals("term.length = 5 but fixed.length · parameters = 6: one term per voxel and parameter",
                message(() -> r.mattes(a, a, 8, new double[5], 2)));
        assertEquals("parameters = 0: must be >= 1 with terms", message(() -> r.mattes(a, a, 8, new double[3], 0)));
        assertEquals("term[4] = Infinity: terms must be finite",
                message(() -> r.mattes(a, a, 8, new double[] {0, 0, 0, 0, Double.POSITIVE_INFINITY, 0}, 2)));
        MattesMutualInformation ok = r.mattes(a, a, 8, null, 0);
        assertEquals(0, ok.derivative().length);
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

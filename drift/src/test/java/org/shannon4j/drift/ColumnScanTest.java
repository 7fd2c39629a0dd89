package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;
import org.shannon4j.spi.CountingKernels;

/**
 * The column scan by each backend's min/max-key kernel gives the plain scan's record, bit for bit, with NaN (both
 * signs), ±∞, ±0.0, subnormals and the extremes planted at every position of short columns (every lane and the
 * tail of the widest species) and in long ones.
 */
class ColumnScanTest {

    private static final double[] SPECIAL = {Double.NaN, -Double.NaN, Double.longBitsToDouble(0xfff8_0000_0000_0001L),
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
            Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e-300};

    @Test
    void kernelScanIsThePlainScan() {
        SplittableRandom random = new SplittableRandom(7);
        for (String backend : new String[] {"scalar", "simd"}) {
            CountingKernels kernels = Shannon.get(backend).context().kernels();
            for (int n : new int[] {1, 2, 7, 8, 9, 16, 17, 33, 1000}) {
                double[] base = new double[n];
                for (int i = 0; i < n; i++) {
                    base[i] = random.nextGaussian();
                }
                same(backend, base, kernels);
                for (double special : SPECIAL) {
                    for (int at = 0; at < n; at += n > 40 ? 97 : 1) {
                        double[] a = base.clone();
                        a[at] = special;
                        same(backend, a, kernels);
                        double[] two = a.clone();
                        two[(at + n / 2) % n] = -special; // the other sign as well (a min and a max both special)
                        same(backend, two, kernels);
                    }
                }
            }
            double[] zeros = {0.0, -0.0, 0.0};
            same(backend, zeros, kernels);
            same(backend, new double[] {-0.0}, kernels);
            same(backend, new double[] {Double.NaN, Double.NaN}, kernels);
        }
    }

    private static void same(String backend, double[] a, CountingKernels kernels) {
        ColumnScan plain = ColumnScan.of(a);
        ColumnScan kernel = ColumnScan.of(a, kernels);
        assertEquals(plain.finite(), kernel.finite(), backend);
        assertEquals(Double.doubleToRawLongBits(plain.min()), Double.doubleToRawLongBits(kernel.min()),
                () -> backend + ": min " + plain.min() + " vs " + kernel.min() + " in " + java.util.Arrays.toString(a));
        assertEquals(Double.doubleToRawLongBits(plain.max()), Double.doubleToRawLongBits(kernel.max()),
                () -> backend + ": max " + plain.max() + " vs " + kernel.max() + " in " + java.util.Arrays.toString(a));
    }
}

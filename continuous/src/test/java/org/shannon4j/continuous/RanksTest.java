package org.shannon4j.continuous;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shannon4j.Shannon;
import org.shannon4j.spi.CountingKernels;

/**
 * The sort with ranks against Arrays.sort, with the reference kernels' sort of the keys and each backend's (the
 * SIMD backend radix-sorts them below 512-bit vectors), and the window counts against a scan.
 */
class RanksTest {

    @ParameterizedTest
    @ValueSource(strings = {"reference", "scalar", "simd"})
    void sortsAndRanks(String backend) {
        CountingKernels kernels = backend.equals("reference") ? new CountingKernels() { }
                : Shannon.get(backend).context().kernels();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 17, 1000, 4095, 4096, 70_000}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = switch (i % 5) {
                    case 0 -> rnd.nextGaussian() * 1e300;
                    case 1 -> rnd.nextInt(7) - 3.0;
                    case 2 -> -0.0;
                    case 3 -> Double.MIN_VALUE * rnd.nextInt(-3, 4);
                    default -> rnd.nextDouble();
                };
            }
            double[] sorted = new double[n];
            int[] rank = new int[n];
            int[] order = new int[n];
            Ranks.sort(v, sorted, rank, order, kernels);
            double[] want = v.clone();
            Arrays.sort(want);
            assertArrayEquals(want, sorted);
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(sorted[rank[i]]));
                assertEquals(i, order[rank[i]]);
                seen[rank[i]] = true;
            }
            for (boolean s : seen) {
                assertEquals(true, s);
            }
            if (n > 1000 || !backend.equals("reference")) {
                continue; // the scan below is quadratic, and the kernels have no part in it
            }
            // windows of random radii (negative: none) at every place, against a scan
            double[] radius = new double[n];
            for (int p = 0; p < n; p++) {
                int kind = rnd.nextInt(6);
                radius[p] = kind == 0 ? 0.0 : kind == 1 ? -1.0
                        : Math.abs(rnd.nextGaussian()) * (kind == 2 ? 1e300 : kind == 3 ? 1e-3 : 1);
            }
            int[] wantCounts = new int[n];
            for (int p = 0; p < n; p++) {
                int count = 0;
                for (double a : sorted) {
                    count += Math.abs(a - sorted[p]) <= radius[p] ? 1 : 0;
                }
                wantCounts[p] = radius[p] < 0 ? 0 : count - 1;
            }
            int[] got = new int[n];
            int from = n / 3;
            KsgSearch.count(sorted, radius, 0, from, got);
            KsgSearch.count(sorted, radius, from, n, got);
            assertArrayEquals(wantCounts, got, "n = " + n);
        }
    }
}

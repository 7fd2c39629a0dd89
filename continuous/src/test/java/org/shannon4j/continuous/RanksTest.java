package org.shannon4j.continuous;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The radix sort with ranks against Arrays.sort, and the galloping count against a scan. */
class RanksTest {

    @Test
    void sortsAndRanks() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 17, 1000, 70_000}) {
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
            Ranks.sort(v, sorted, rank);
            double[] want = v.clone();
            Arrays.sort(want);
            assertArrayEquals(want, sorted);
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(sorted[rank[i]]));
                seen[rank[i]] = true;
            }
            for (boolean s : seen) {
                assertEquals(true, s);
            }
            for (int t = 0; t < 200 && n > 0; t++) {
                int at = rnd.nextInt(n);
                double r = t % 4 == 0 ? 0.0 : Math.abs(rnd.nextGaussian()) * (t % 2 == 0 ? 1 : 1e300);
                int count = 0;
                for (double a : sorted) {
                    count += Math.abs(a - sorted[at]) <= r ? 1 : 0;
                }
                assertEquals(count, KsgSearch.around(sorted, at, r), "n = " + n + ", at = " + at + ", r = " + r);
            }
        }
    }
}

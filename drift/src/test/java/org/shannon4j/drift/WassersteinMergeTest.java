package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The blocked two-half merge of {@link Drift#wassersteinMerge} gives the bits of one plain merge from the start,
 * for sizes around its block and half lengths (odd blocks, a last block of one position), with ties within and
 * across the samples, ±0.0 and runs of one sample before the other.
 */
class WassersteinMergeTest {

    /** The merge as one loop, in merged order: the specification. */
    private static double plainMerge(double[] a, int nu, double[] b, int nv) {
        int i = 0;
        int j = 0;
        double z = Math.min(a[0], b[0]);
        double sum = 0;
        double c = 0;
        for (int k = 0; k < nu + nv; k++) {
            double x = a[i];
            double y = b[j];
            boolean fromU = x <= y;
            double next = fromU ? x : y;
            double term = Math.abs((double) i / nu - (double) j / nv) * (next - z);
            double t = sum + term;
            c += sum >= term ? (sum - t) + term : (term - t) + sum;
            sum = t;
            z = next;
            i += fromU ? 1 : 0;
            j += fromU ? 0 : 1;
        }
        return sum + c;
    }

    @Test
    void sameBitsAsOneMerge() {
        SplittableRandom random = new SplittableRandom(11);
        int[] sizes = {1, 2, 3, 7, 2047, 2048, 2049, 4095, 4096, 4097, 8191, 12_289};
        for (int t = 0; t < 600; t++) {
            int nu = t < 144 ? sizes[t % 12] : 1 + random.nextInt(t < 400 ? 60 : 9000);
            int nv = t < 144 ? sizes[(t / 12) % 12] : 1 + random.nextInt(t < 400 ? 60 : 9000);
            int kind = t % 5;
            double[] a = sample(random, nu, kind, 0.0);
            double[] b = sample(random, nv, kind, kind == 4 ? 100.0 : 0.3);
            double want = plainMerge(a, nu, b, nv);
            double got = Drift.wassersteinMerge(a, nu, b, nv);
            int tt = t;
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got),
                    () -> "case " + tt + " (" + nu + " and " + nv + " values, kind " + kind + "): " + want + " vs " + got);
        }
    }

    /** Sorted, with the +∞ sentinel: normal values, few integers (ties), ±0.0 only, or shifted (no overlap). */
    private static double[] sample(SplittableRandom random, int n, int kind, double shift) {
        double[] s = new double[n + 1];
        for (int i = 0; i < n; i++) {
            s[i] = switch (kind) {
                case 1 -> random.nextInt(4);
                case 2 -> random.nextBoolean() ? 0.0 : -0.0;
                case 3 -> random.nextInt(3) - (random.nextBoolean() ? 0.0 : 1e-300);
                default -> shift + random.nextGaussian();
            };
        }
        Arrays.sort(s, 0, n);
        s[n] = Double.POSITIVE_INFINITY;
        return s;
    }
}

package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link DistinctLowerBound#addUntil} returns exactly the bits set, never more than the distinct finite values
 * added, stops only once enough bits are set or the values run out, and ends on inputs that add no new bits.
 */
class DistinctLowerBoundTest {

    @Test
    void returnsTheBitsSetAndStaysBelowTheDistinctCount() {
        SplittableRandom random = new SplittableRandom(5);
        for (int t = 0; t < 200; t++) {
            int n = 1 + random.nextInt(t < 100 ? 300 : 40_000);
            int levels = 1 + random.nextInt(t % 3 == 0 ? 20 : 100_000);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(50);
                a[i] = kind == 0 ? Double.NaN : kind == 1 ? Double.POSITIVE_INFINITY
                        : kind == 2 ? -0.0 : random.nextInt(levels) * 0.25;
            }
            int logBits = DistinctLowerBound.logBitsFor(n);
            long enough = 1 + random.nextInt(n + 10);
            DistinctLowerBound b = new DistinctLowerBound(logBits);
            long got = b.addUntil(a, 0, enough);
            assertEquals(b.bound(), got, "the bits set");
            assertTrue(got <= distinctFinite(a, n), "a lower bound");
            DistinctLowerBound all = new DistinctLowerBound(logBits);
            all.add(a);
            // it stops early only with enough bits; otherwise every value is in
            assertTrue(got >= enough || got == all.bound(), () -> got + " bits, enough " + enough);
            // from a second column, starting at the first one's bits
            double[] more = Arrays.copyOf(a, n);
            for (int i = 0; i < n; i++) {
                more[i] += 0.125;
            }
            long again = b.addUntil(more, got, enough + n);
            assertEquals(b.bound(), again);
        }
    }

    @Test
    void endsOnValuesThatAddNoBits() {
        double[] same = new double[3_000_000];
        Arrays.fill(same, 2.5);
        same[17] = -0.0;
        same[18] = 0.0; // the same value as −0.0
        DistinctLowerBound b = new DistinctLowerBound(DistinctLowerBound.MAX_LOG_BITS);
        assertEquals(2, b.addUntil(same, 0, 1_000_000));
        assertEquals(2, b.addUntil(same, 2, 3));
    }

    private static long distinctFinite(double[] a, int n) {
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(a[i])) {
                seen.add(a[i] + 0.0);
            }
        }
        return seen.size();
    }
}

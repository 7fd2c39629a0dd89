package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.shannon4j.spi.KernelMath;

/**
 * Every tile path of {@link SimdIntersections} (lines, the 2..4-wide tiles and the wide 3 × 9 and 2 × 9 tiles in
 * either orientation, and the narrow tiles of 16-register CPUs, both families on every CPU) against the scalar count per cell, for every pair of set counts from 1 to 12, at word counts
 * that leave scalar tail words, fill one block, and cross several blocks of both block sizes. Offsets are odd so
 * that no shape depends on aligned starts.
 */
class SimdIntersectionsTest {

    private static final int[] WORDS = {5, 8, 69, 700, 2 * SimdIntersections.WIDE_BLOCK + 29};

    @Test
    void everyShapeCountsAsTheScalarLoop() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int words : WORDS) {
            for (int xs = 1; xs <= 12; xs++) {
                for (int zs = 1; zs <= 12; zs++) {
                    if (words > 700 && xs != SimdIntersections.WIDE && zs != SimdIntersections.WIDE && xs != zs) {
                        continue; // the long case: the wide shapes, and one square of each other size
                    }
                    int xo = 3;
                    int zo = 7;
                    long[] x = bits(rnd, xo + xs * words);
                    long[] z = bits(rnd, zo + zs * words);
                    long[] expected = new long[xs * zs];
                    for (int i = 0; i < xs; i++) {
                        for (int j = 0; j < zs; j++) {
                            expected[i * zs + j] = 5 + KernelMath.intersectionCount(x, xo + i * words, z,
                                    zo + j * words, words);
                        }
                    }
                    for (boolean wideTiles : new boolean[] {true, false}) {
                        long[] counts = new long[xs * zs];
                        java.util.Arrays.fill(counts, 5); // the kernel adds to the table
                        SimdIntersections.intersectionCounts(x, xo, xs, z, zo, zs, words, counts, wideTiles);
                        assertArrayEquals(expected, counts, xs + " x " + zs + " sets of " + words + " words, "
                                + (wideTiles ? "wide" : "narrow") + " tiles");
                    }
                }
            }
        }
    }

    /** Sparse and dense words mixed, so that the counts differ from cell to cell. */
    private static long[] bits(SplittableRandom rnd, int length) {
        long[] a = new long[length];
        for (int i = 0; i < length; i++) {
            long w = rnd.nextLong();
            a[i] = switch (i % 3) {
                case 0 -> w;
                case 1 -> w & rnd.nextLong();
                default -> w | rnd.nextLong();
            };
        }
        return a;
    }
}

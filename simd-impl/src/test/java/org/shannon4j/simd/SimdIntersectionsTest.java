package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.shannon4j.spi.KernelMath;

/**
 * Both paths of {@link SimdIntersections} on every CPU: the tiles (lines, the 2..4-wide tiles and the wide 3 × 9 and
 * 2 × 9 tiles in either orientation) and the carry-save cells of CPUs without 512-bit vectors, against the scalar
 * count per cell, for every pair of set counts from 1 to 12, at word counts that leave scalar tail words, fill
 * one block, and cross several blocks of every block size; the carry-save cells also with vectors left after
 * their last step, and with every bit set (the largest byte counts its folding must hold). Offsets are odd so that
 * no shape depends on aligned starts.
 */
class SimdIntersectionsTest {

    private static final int[] WORDS = {5, 8, 69, 700, 2 * SimdIntersections.CARRY_SAVE_BLOCK + 45,
            2 * SimdIntersections.WIDE_BLOCK + 29};

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
                    assertBothPaths(expected, x, xo, xs, z, zo, zs, words);
                }
            }
        }
    }

    @Test
    void fullWordsReachTheLargestByteCounts() {
        for (int words : new int[] {SimdIntersections.CARRY_SAVE_BLOCK, SimdIntersections.CARRY_SAVE_BLOCK - 4,
                3 * SimdIntersections.CARRY_SAVE_BLOCK + 3}) {
            long[] x = new long[1 + 2 * words];
            long[] z = new long[2 + 3 * words];
            java.util.Arrays.fill(x, -1L);
            java.util.Arrays.fill(z, -1L);
            long[] expected = new long[6];
            java.util.Arrays.fill(expected, 5 + 64L * words);
            assertBothPaths(expected, x, 1, 2, z, 2, 3, words);
        }
    }

    private static void assertBothPaths(long[] expected, long[] x, int xo, int xs, long[] z, int zo, int zs,
                                        int words) {
        for (boolean tiles : new boolean[] {true, false}) {
            long[] counts = new long[xs * zs];
            java.util.Arrays.fill(counts, 5); // the kernel adds to the table
            SimdIntersections.intersectionCounts(x, xo, xs, z, zo, zs, words, counts, tiles);
            assertArrayEquals(expected, counts, xs + " x " + zs + " sets of " + words + " words, "
                    + (tiles ? "tiles" : "carry-save cells"));
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

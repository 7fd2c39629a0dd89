package org.shannon4j.dependence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;
import org.shannon4j.spi.CpuCaches;
import org.shannon4j.spi.Kernels;

/** How large pair tables are counted: the choice by the L2 size, and both ways to the same table. */
class PairCountTest {

    @Test
    void l2FromCpuCaches() {
        assertEquals(CpuCaches.l2Bytes(), PairCount.L2_BYTES);
        assertTrue(PairCount.L2_BYTES > 0);
    }

    @Test
    void bytesWhereTheIntsMissHalfOfL2AndTheBytesFitOrTheIntsAreLarge() {
        long twoMb = 2 << 20;
        long oneMb = 1 << 20;
        assertTrue(PairCount.lowBytes(1_000_000, 10_000_000, twoMb), "1000 x 1000 in a 2 MB L2");
        assertFalse(PairCount.lowBytes(1_000_000, 10_000_000, oneMb), "1 MB of bytes does not fit half of 1 MB");
        assertFalse(PairCount.lowBytes(262_144, 10_000_000, twoMb), "1 MB of ints fits half of 2 MB");
        assertTrue(PairCount.lowBytes(262_145, 10_000_000, twoMb));
        assertTrue(PairCount.lowBytes(1 << 20, 10_000_000, twoMb));
        assertFalse(PairCount.lowBytes((1 << 20) + 1, 10_000_000, twoMb));
        assertTrue(PairCount.lowBytes((3 << 20) + 1, 10_000_000, twoMb), "ints beyond 12 MB");
        assertTrue(PairCount.lowBytes(4_000_000, 10_000_000, oneMb), "2000 x 2000: 16 MB of ints");
        assertTrue(PairCount.lowBytes((3 << 20) + 1, 10_000_000, oneMb));
        assertFalse(PairCount.lowBytes(3 << 20, 10_000_000, oneMb), "12 MB of ints");
        assertFalse(PairCount.lowBytes(2_250_000, 10_000_000, oneMb), "1500 x 1500: 9 MB of ints");
        assertFalse(PairCount.lowBytes(4_000_000, 3_999_999, oneMb), "fewer samples than cells");
        assertFalse(PairCount.lowBytes(1_000_000, 999_999, twoMb), "fewer samples than cells");
    }

    @Test
    void bothWaysGiveTheDirectCount() {
        Kernels k = Shannon.get("naive").context().kernels();
        SplittableRandom r = new SplittableRandom(36);
        int rows = 700, cols = 900, cells = rows * cols;
        int n = cells + 12_345;
        int xMin = -5, yMin = 1_000_000_000;
        int[] x = new int[n + 3];
        int[] y = new int[n + 7];
        long[] direct = new long[cells];
        for (int i = 0; i < n; i++) {
            // one cell gets every 3rd sample (its byte wraps many times), the rest are uniform
            int a = i % 3 == 0 ? 17 : r.nextInt(rows);
            int b = i % 3 == 0 ? 401 : r.nextInt(cols);
            x[3 + i] = xMin + a;
            y[7 + i] = yMin + b;
            direct[a * cols + b]++;
        }
        for (boolean inBytes : new boolean[] {false, true, true}) { // twice in bytes: the kept byte table is clean
            int[] table = new int[cells];
            PairCount.countPairs(k, x, 3, xMin, y, 7, yMin, cols, n, table, cells, inBytes);
            long[] got = new long[cells];
            for (int c = 0; c < cells; c++) {
                got[c] = table[c];
            }
            assertArrayEquals(direct, got, "in bytes: " + inBytes);
        }
    }
}

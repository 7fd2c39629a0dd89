package org.shannon4j.dependence;

import org.shannon4j.spi.CpuCaches;
import org.shannon4j.spi.Kernels;

/**
 * The dense pair count of one contiguous part of label inputs, choosing how to count by the table's size against
 * the L2 cache. A table whose int counts fit in half of L2 is counted directly ({@link Kernels#countPairs}). A
 * larger one misses L2 on a good share of its random increments, so when a byte per cell does fit in half of L2 it
 * is counted in bytes ({@link Kernels#countPairsLowBytes}), the rare wraps carried into the int table, and the
 * bytes folded into it afterwards: 1000 × 1000 labels are 4 MB of ints against 1 MB of bytes, which a 2 MB L2
 * holds. Where neither fits (a 1 MB L2 at that size) both miss, and the direct count saves the fold, until the
 * ints grow much larger ({@link #lowBytes(int, int, long)}). Both give the same integer table, so the choice never
 * changes a result.
 */
final class PairCount {

    // Not radix partitioning (scattering the cell indexes into L2-sized partitions, then counting each): with a
    // bounded scratch, the scatter costs about as much per sample as the misses it saves.

    /** The L2 cache of a core in bytes ({@link CpuCaches#l2Bytes}). */
    static final long L2_BYTES = CpuCaches.l2Bytes();
    /**
     * Int tables of more bytes than this are counted in bytes even where the bytes miss L2 too. Measured on a 1 MB
     * L2 (Zen 5, 32 MB L3), n = 1e7: 9 MB of ints (1500 × 1500 labels) were faster counted directly, 16 MB (2000 ×
     * 2000) over twice as slow as in bytes; 12 MB lies between.
     */
    static final long LARGE_INT_TABLE = 12L << 20;
    /** Byte tables up to this many cells are kept per thread between calls (2 MB). */
    private static final int RETAINED_LOW_CELLS = 1 << 21;

    /** The calling thread's byte table, all zeros; taken out while in use (a failed count drops it). */
    private static final ThreadLocal<byte[]> LOW = new ThreadLocal<>();

    private PairCount() {
    }

    /**
     * Whether a table of {@code cells} cells is counted in bytes for {@code length} samples: only when it is large
     * and the samples are at least as many as the cells (else the fold, O(cells), outweighs the misses saved).
     */
    static boolean lowBytes(int cells, int length) {
        return lowBytes(cells, length, L2_BYTES);
    }

    /**
     * Whether a table of {@code cells} cells is counted in bytes for {@code length} samples on a core with
     * {@code l2Bytes} of L2: when its ints do not fit in half of it and either its bytes do, or its ints exceed
     * {@link #LARGE_INT_TABLE} bytes (there a quarter of the footprint wins again); and the samples are at least as
     * many as the cells (else the fold, O(cells), outweighs the misses saved).
     */
    static boolean lowBytes(int cells, int length, long l2Bytes) {
        long ints = (long) cells * Integer.BYTES;
        long half = l2Bytes / 2;
        return ints > half && (cells <= half || ints > LARGE_INT_TABLE) && length >= cells;
    }

    /**
     * Adds the pairs' counts into {@code table} (row-major, {@code cells = rows·cols} long, x − xMin indexing rows),
     * as {@link Kernels#countPairs} does.
     */
    static void countPairs(Kernels k, int[] x, int xOffset, int xMin, int[] y, int yOffset, int yMin, int cols,
                           int length, int[] table, int cells) {
        countPairs(k, x, xOffset, xMin, y, yOffset, yMin, cols, length, table, cells, lowBytes(cells, length));
    }

    /** {@link #countPairs}, in bytes or not as told (for tests of both ways on any machine). */
    static void countPairs(Kernels k, int[] x, int xOffset, int xMin, int[] y, int yOffset, int yMin, int cols,
                           int length, int[] table, int cells, boolean inBytes) {
        if (!inBytes) {
            k.countPairs(x, xOffset, xMin, y, yOffset, yMin, cols, length, table);
            return;
        }
        byte[] low = LOW.get();
        if (low != null && low.length >= cells) {
            LOW.remove();
        } else {
            low = new byte[cells];
        }
        k.countPairsLowBytes(x, xOffset, xMin, y, yOffset, yMin, cols, length, low, table);
        for (int c = 0; c < cells; c++) {
            table[c] += low[c] & 0xFF;
            low[c] = 0;
        }
        if (low.length <= RETAINED_LOW_CELLS) {
            LOW.set(low);
        }
    }
}

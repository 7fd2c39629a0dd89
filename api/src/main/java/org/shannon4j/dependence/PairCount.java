package org.shannon4j.dependence;

import org.shannon4j.spi.Kernels;

/**
 * The dense pair count of one contiguous part of label inputs, choosing how to count by the table's size. A table
 * that fits the L2 cache comfortably is counted directly ({@link Kernels#countPairs}). A larger one misses L2 on a
 * good share of its random increments (1000 × 1000 labels: 4 MB of int counts against 2 MB of L2 per core), so it
 * is counted in bytes ({@link Kernels#countPairsLowBytes}: a quarter of the footprint, 1 MB there), the rare wraps
 * carried into the int table, and the bytes folded into it afterwards. Both give the same integer table.
 */
final class PairCount {

    // Not radix partitioning (scattering the cell indexes into L2-sized partitions, then counting each): with a
    // bounded scratch, the scatter costs about as much per sample as the misses it saves.

    /**
     * Tables of at least this many cells are counted in bytes: 1 MB of int counts, half the L2 of the machines
     * measured (below, the int table mostly stays in L2 and the byte pass only adds the fold).
     */
    static final int LOW_BYTE_CELLS = 1 << 18;
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
        return cells >= LOW_BYTE_CELLS && length >= cells;
    }

    /**
     * Adds the pairs' counts into {@code table} (row-major, {@code cells = rows·cols} long, x − xMin indexing rows),
     * as {@link Kernels#countPairs} does.
     */
    static void countPairs(Kernels k, int[] x, int xOffset, int xMin, int[] y, int yOffset, int yMin, int cols,
                           int length, int[] table, int cells) {
        if (!lowBytes(cells, length)) {
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

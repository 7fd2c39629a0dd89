package org.shannon4j.dependence;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

/**
 * The dense pair count of long label inputs over several threads. The scatter is bound by random accesses to
 * the table (an L3 access per sample once the table outgrows L2), so independent threads counting contiguous
 * parts into private tables scale with the cores; adding the tables is a sequential pass over {@code cells}
 * ints per thread, small next to {@code length} samples. Integer counts make the result independent of the
 * split and of which thread counted which part.
 */
final class ParallelCount {

    private ParallelCount() {
    }

    /**
     * {@link Kernels#minMax} of x and of y, the two scans (each a memory-bound pass over its own array) on two
     * threads: {@code {minMax(x), minMax(y)}}, exact whichever thread ran which.
     */
    static long[] minMax(Kernels k, Parallelism par, int[] x, int xOffset, int[] y, int yOffset, int length) {
        long[] ranges = new long[2];
        par.forEachPart(2, 1, () -> ranges, (r, i) -> r[i] = i == 0 ? k.minMax(x, xOffset, length)
                : k.minMax(y, yOffset, length));
        return ranges;
    }

    /** Part tables up to this many cells are kept for the next call (4 MB: 1000 × 1000 labels). */
    private static final int RETAINED_CELLS = 1 << 20;
    /** Part tables kept at most (a call with more parts allocates the rest). */
    private static final int RETAINED_TABLES = 2;
    /** Zeroed part tables between calls: each is zero in every entry when it is here. */
    private static final ArrayDeque<int[]> FREE = new ArrayDeque<>();

    /**
     * Counts the pairs into {@code table} (zeroed, {@code cells} long) in {@code parts} contiguous parts run by
     * {@link Parallelism#forEachPart}: each thread that takes part counts into its own table. The tables are then
     * added into {@code table} range of cells by range of cells on the same threads, and cleared as they are read,
     * so that they can serve the next call: at 1000 × 1000 labels a fresh 4 MB table per thread and call cost more
     * in allocation and collection than the clearing.
     */
    static void countPairs(Kernels k, Parallelism par, int parts, int[] x, int xOffset, int xMin, int[] y,
                           int yOffset, int yMin, int ry, int length, int[] table, int cells) {
        int per = length / parts;
        List<int[]> tables = par.forEachPart(parts, parts - 1, () -> take(cells), (counts, i) -> {
            int from = i * per;
            int to = i == parts - 1 ? length : from + per;
            PairCount.countPairs(k, x, xOffset + from, xMin, y, yOffset + from, yMin, ry, to - from, counts, cells);
        });
        // a failed part leaves its table half counted: the exception skips this, and the table is dropped
        int[][] all = tables.toArray(int[][]::new);
        int span = Math.ceilDiv(cells, parts);
        par.forEachPart(parts, parts - 1, () -> all, (counted, i) -> {
            int from = i * span;
            int to = Math.min(cells, from + span);
            for (int[] counts : counted) {
                for (int c = from; c < to; c++) {
                    table[c] += counts[c];
                    counts[c] = 0;
                }
            }
        });
        for (int[] counts : all) {
            give(counts);
        }
    }

    /** A zeroed table of at least {@code cells} ints: one kept from an earlier call, or a new one. */
    private static int[] take(int cells) {
        synchronized (FREE) {
            for (Iterator<int[]> it = FREE.iterator(); it.hasNext(); ) {
                int[] t = it.next();
                if (t.length >= cells) {
                    it.remove();
                    return t;
                }
            }
        }
        return new int[cells];
    }

    /** Keeps a zeroed table for a later call, if it is small enough and the pool has room. */
    private static void give(int[] zeroed) {
        if (zeroed.length <= RETAINED_CELLS) {
            synchronized (FREE) {
                if (FREE.size() < RETAINED_TABLES) {
                    FREE.push(zeroed);
                }
            }
        }
    }
}

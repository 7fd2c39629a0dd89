package org.shannon4j.dependence;

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

    /**
     * Counts the pairs into {@code table} (zeroed, {@code cells} long) in {@code parts} contiguous parts run by
     * {@link Parallelism#forEachPart}: each thread that takes part counts into its own table.
     */
    static void countPairs(Kernels k, Parallelism par, int parts, int[] x, int xOffset, int xMin, int[] y,
                           int yOffset, int yMin, int ry, int length, int[] table, int cells) {
        int per = length / parts;
        List<int[]> tables = par.forEachPart(parts, parts - 1, () -> new int[cells], (counts, i) -> {
            int from = i * per;
            int to = i == parts - 1 ? length : from + per;
            PairCount.countPairs(k, x, xOffset + from, xMin, y, yOffset + from, yMin, ry, to - from, counts, cells);
        });
        for (int[] counts : tables) {
            for (int c = 0; c < cells; c++) {
                table[c] += counts[c];
            }
        }
    }
}

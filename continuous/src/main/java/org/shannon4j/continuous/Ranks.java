package org.shannon4j.continuous;

import org.shannon4j.spi.CountingKernels;

/**
 * Sorting with ranks: each value's order-preserving bit pattern, its low bits replaced by the value's index, sorted
 * as a long by the backend's {@link CountingKernels#sort(long[], int, int)} (the JDK's sort, vectorised with
 * AVX-512 and several times faster there than a radix sort of the doubles with an index array; an in-place radix
 * sort where it is not), then a pass that puts back in order the rare neighbours whose patterns agreed above the index
 * bits. Gives the sorted values and each value's position in them (the marginal counts start from it). Ties keep
 * their index order; −0.0 sorts just before 0.0, which the counts treat as equal values anyway.
 */
final class Ranks {

    private Ranks() {
    }

    /**
     * Sorts v into {@code sorted} and sets {@code rank[i]} to where v[i] went and {@code order[p]} to the index of
     * the p-th smallest value.
     *
     * @param v the values, finite
     * @param sorted receives v in ascending order (v.length)
     * @param rank receives each value's position in {@code sorted} (v.length); null when not needed
     * @param order receives the index in v of each position of {@code sorted} (v.length): the inverse of rank;
     *     null when not needed
     * @param kernels the backend's kernels, whose long sort sorts the keys
     */
    static void sort(double[] v, double[] sorted, int[] rank, int[] order, CountingKernels kernels) {
        int n = v.length;
        if (n == 0) {
            return;
        }
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        long high = -1L << bits;
        long low = ~high;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (key(v[i]) & high) | i;
        }
        kernels.sort(keys, 0, n);
        for (int p = 0; p < n; p++) {
            sorted[p] = v[(int) (keys[p] & low)];
        }
        // equal high bits sort by index: restore the order of the full patterns there (an insertion sort, stable)
        long previous = key(sorted[0]);
        for (int p = 1; p < n; p++) {
            long current = key(sorted[p]);
            if (current < previous) {
                long entry = keys[p];
                double value = sorted[p];
                int q = p;
                while (q > 0 && key(sorted[q - 1]) > current) {
                    sorted[q] = sorted[q - 1];
                    keys[q] = keys[q - 1];
                    q--;
                }
                sorted[q] = value;
                keys[q] = entry;
            } else {
                previous = current;
            }
        }
        if (rank != null) {
            for (int p = 0; p < n; p++) {
                rank[(int) (keys[p] & low)] = p;
            }
        }
        if (order != null) {
            for (int p = 0; p < n; p++) {
                order[p] = (int) (keys[p] & low);
            }
        }
    }

    /** The bit pattern of a finite double as a long whose signed order is the values' order (−0.0 &lt; 0.0). */
    private static long key(double d) {
        long b = Double.doubleToRawLongBits(d);
        return b ^ ((b >> 63) & Long.MAX_VALUE);
    }
}

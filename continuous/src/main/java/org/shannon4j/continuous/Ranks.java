package org.shannon4j.continuous;

/**
 * Sorting with ranks: a least-significant-digit radix sort of the doubles' order-preserving bit patterns, 16 bits
 * per pass, that also gives each value's position in the sorted array (the marginal counts gallop out from it
 * instead of searching the whole array). Finite values only; −0.0 sorts just before 0.0, which the counts treat
 * as equal values anyway.
 */
final class Ranks {

    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;

    private Ranks() {
    }

    /**
     * Sorts v into {@code sorted} and sets {@code rank[i]} to where v[i] went.
     *
     * @param v the values
     * @param sorted receives v in ascending order (v.length)
     * @param rank receives each value's position in {@code sorted} (v.length)
     */
    static void sort(double[] v, double[] sorted, int[] rank) {
        int n = v.length;
        long[] keys = new long[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(v[i]);
            keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE); // unsigned order = numeric order
            idx[i] = i;
        }
        long[] keys2 = new long[n];
        int[] idx2 = new int[n];
        int[] count = new int[BUCKETS];
        for (int shift = 0; shift < 64; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (keys[i] >>> shift) & (BUCKETS - 1)]++;
            }
            if (count[(int) (keys[0] >>> shift) & (BUCKETS - 1)] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int p = count[(int) (keys[i] >>> shift) & (BUCKETS - 1)]++;
                keys2[p] = keys[i];
                idx2[p] = idx[i];
            }
            long[] tk = keys;
            keys = keys2;
            keys2 = tk;
            int[] ti = idx;
            idx = idx2;
            idx2 = ti;
        }
        for (int p = 0; p < n; p++) {
            sorted[p] = v[idx[p]];
            rank[idx[p]] = p;
        }
    }
}

package org.shannon4j.simd;

import java.util.Arrays;

/**
 * The SIMD backend's {@link org.shannon4j.spi.CountingKernels#sort(double[], int, int)} and its long twin: an
 * in-place MSD radix sort where the JDK's sort of 64-bit keys runs without vectors, and the JDK's sort elsewhere.
 *
 * <p>{@code Arrays.sort(double[])} is vectorised (libsimdsort) only with AVX-512; on AVX2 it is the scalar
 * dual-pivot quicksort. On a Zen 1 host (AVX2) this sort took 183–189 ms for 3M Gaussian doubles against
 * 316–331 ms for {@code Arrays.sort}; on an AVX-512 Xeon the JDK's sort took 85 ms against 190 for an LSD radix
 * sort ({@code docs/performance-notes.md}, "Sorting"). So: radix sort when the vectors are narrower than 512 bits
 * ({@link Species}, so the width knob's test runs reach it on AVX-512 machines too), from {@value #MIN_LENGTH}
 * values on.
 *
 * <p>Algorithm: NaNs are moved to the end first (as {@code Arrays.sort} puts them); the other values are ordered by
 * their order-preserving keys (a negative value's bits all flipped, a positive one's sign bit set: −0.0 before
 * 0.0, −∞ first, +∞ last), 8-bit digits from the highest: each range is counted by its digit and permuted in
 * place into its buckets (American flag sort), a digit that is the same for the whole range skipped, and each
 * bucket sorted by the next digit; ranges of at most {@value #SMALL} values by insertion. Equal keys are equal
 * bits, so the result is {@code Arrays.sort}'s to the bit. In place: an LSD radix sort, as fast here, needs two
 * key arrays of the length, whose allocation (humongous in G1) set off a concurrent GC cycle per call, which took
 * the second core from the two-thread Wasserstein. Scalar code, in this backend because the choice depends on the
 * CPU's vectors.
 */
final class RadixSort {

    /** Whether the radix sort is used: vectors narrower than 512 bits (no AVX-512 sort in the JDK). */
    static final boolean PREFERRED = Species.L.length() < 8;
    /** Below this length the JDK's sort is used (its insertion sorts and small quicksorts). */
    static final int MIN_LENGTH = 1 << 12;
    /** Ranges of at most this many values are insertion-sorted. */
    static final int SMALL = 64;

    private static final int LEVELS = 8;
    private static final int RADIX = 256;

    private RadixSort() {
    }

    static void sort(double[] a, int from, int to) {
        int end = to;
        for (int i = from; i < end; ) {
            if (a[i] != a[i]) {
                double t = a[--end];
                a[end] = a[i];
                a[i] = t;
            } else {
                i++;
            }
        }
        if (end - from < MIN_LENGTH) {
            Arrays.sort(a, from, end);
            return;
        }
        // per level: the digit counts, then each bucket's next free slot and its end
        msd(a, from, end, 0, new int[LEVELS * RADIX], new int[LEVELS * RADIX]);
    }

    private static long key(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    private static int digit(double x, int shift) {
        return (int) (key(x) >>> shift) & 0xFF;
    }

    /** Sorts a[from, to) (more than SMALL values, no NaN), whose keys agree on the digits above level. */
    private static void msd(double[] a, int from, int to, int level, int[] next, int[] ends) {
        int base = level * RADIX;
        int shift = 56 - 8 * level;
        Arrays.fill(next, base, base + RADIX, 0);
        for (int i = from; i < to; i++) {
            next[base + digit(a[i], shift)]++;
        }
        int n = to - from;
        for (int v = 0; v < RADIX; v++) {
            if (next[base + v] == n) { // one bucket: nothing moves at this digit
                if (level + 1 < LEVELS) {
                    msd(a, from, to, level + 1, next, ends);
                }
                return;
            }
        }
        for (int v = 0, at = from; v < RADIX; v++) {
            int c = next[base + v];
            next[base + v] = at;
            at += c;
            ends[base + v] = at;
        }
        for (int v = 0; v < RADIX; v++) {
            int end = ends[base + v];
            while (next[base + v] < end) {
                double x = a[next[base + v]];
                int d = digit(x, shift);
                while (d != v) { // x goes to its bucket's next slot; the value there is placed next
                    int p = next[base + d]++;
                    double y = a[p];
                    a[p] = x;
                    x = y;
                    d = digit(x, shift);
                }
                a[next[base + v]++] = x;
            }
        }
        if (level + 1 == LEVELS) {
            return;
        }
        for (int v = 0, start = from; v < RADIX; v++) {
            int end = ends[base + v];
            if (end - start > SMALL) {
                msd(a, start, end, level + 1, next, ends);
            } else if (end - start > 1) {
                insertion(a, start, end);
            }
            start = end;
        }
    }

    /**
     * Sorts a[from, to) of longs in signed order, as {@link #sort(double[], int, int)} sorts doubles: the same
     * digits of the key x ^ Long.MIN_VALUE (an unsigned order of it is the signed order of x), the same ranges
     * skipped and insertion-sorted. Equal longs are equal bits, so the result is {@code Arrays.sort}'s.
     */
    static void sort(long[] a, int from, int to) {
        if (to - from < MIN_LENGTH) {
            Arrays.sort(a, from, to);
            return;
        }
        msd(a, from, to, 0, new int[LEVELS * RADIX], new int[LEVELS * RADIX]);
    }

    private static int digit(long x, int shift) {
        return (int) ((x ^ Long.MIN_VALUE) >>> shift) & 0xFF;
    }

    /** The long twin of {@link #msd(double[], int, int, int, int[], int[])}: only the element type differs. */
    private static void msd(long[] a, int from, int to, int level, int[] next, int[] ends) {
        int base = level * RADIX;
        int shift = 56 - 8 * level;
        Arrays.fill(next, base, base + RADIX, 0);
        for (int i = from; i < to; i++) {
            next[base + digit(a[i], shift)]++;
        }
        int n = to - from;
        for (int v = 0; v < RADIX; v++) {
            if (next[base + v] == n) {
                if (level + 1 < LEVELS) {
                    msd(a, from, to, level + 1, next, ends);
                }
                return;
            }
        }
        for (int v = 0, at = from; v < RADIX; v++) {
            int c = next[base + v];
            next[base + v] = at;
            at += c;
            ends[base + v] = at;
        }
        for (int v = 0; v < RADIX; v++) {
            int end = ends[base + v];
            while (next[base + v] < end) {
                long x = a[next[base + v]];
                int d = digit(x, shift);
                while (d != v) {
                    int p = next[base + d]++;
                    long y = a[p];
                    a[p] = x;
                    x = y;
                    d = digit(x, shift);
                }
                a[next[base + v]++] = x;
            }
        }
        if (level + 1 == LEVELS) {
            return;
        }
        for (int v = 0, start = from; v < RADIX; v++) {
            int end = ends[base + v];
            if (end - start > SMALL) {
                msd(a, start, end, level + 1, next, ends);
            } else if (end - start > 1) {
                insertion(a, start, end);
            }
            start = end;
        }
    }

    private static void insertion(long[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long x = a[i];
            int j = i - 1;
            while (j >= from && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    private static void insertion(double[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            double x = a[i];
            long k = key(x);
            int j = i - 1;
            while (j >= from && Long.compareUnsigned(key(a[j]), k) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }
}

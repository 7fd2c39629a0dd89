package org.shannon4j.scalar;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

import org.shannon4j.spi.KernelMath;

/**
 * The plain-Java loops of the mutual-information family: label range, count scatters, dense codes for wide
 * label ranges (fastutil's primitive open-addressing maps: no boxing, about 3× less memory than
 * {@code HashMap<Integer, Integer>}), and Σ n·ln n. Shared by every backend that extends {@link ScalarKernels}.
 */
final class Counting {

    /** Terms per partial sum of Σ n·ln n; block sums are added into a compensated total. */
    private static final int BLOCK = 256;

    /**
     * n·ln n for n &lt; {@value #TABLED} (32 kB), computed once with the same expression as the loop's, so results
     * do not change: most cells of a count table are small (n = 1e7 samples over 1e6 cells average 10), and a
     * load is 10-20× cheaper than {@code Math.log}.
     */
    private static final int TABLED = 4096;
    private static final double[] N_LOG_N = new double[TABLED];

    static {
        for (int n = 2; n < TABLED; n++) {
            N_LOG_N[n] = n * Math.log(n);
        }
    }

    private Counting() {
    }

    /** n·ln n with 0·ln 0 = 1·ln 1 = 0; NaN for n &lt; 0 (Math.log of a negative). */
    private static double nLogN(int n) {
        return (n >>> 12) == 0 ? N_LOG_N[n] : n * Math.log(n);
    }

    /**
     * One accumulator each, in the plain form that C2's superword pass turns into vector min/max reductions
     * (about 0.2 ns per element at n = 1e7 here, memory-bound); a hand-unrolled two-accumulator loop is not
     * vectorised and took about twice as long.
     */
    static long minMax(int[] a, int offset, int length) {
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (int i = offset, end = offset + length; i < end; i++) {
            int v = a[i];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return pack(min, max);
    }

    static long pack(int min, int max) {
        return ((long) min << 32) | (max & 0xFFFFFFFFL);
    }

    static void count(int[] a, int offset, int min, int length, int[] table) {
        for (int i = offset, end = offset + length; i < end; i++) {
            table[a[i] - min]++;
        }
    }

    static void countPairs(int[] x, int xOffset, int xMin, int[] y, int yOffset, int yMin, int cols, int length,
                           int[] table) {
        int shift = yOffset - xOffset;
        for (int i = xOffset, end = xOffset + length; i < end; i++) {
            table[(x[i] - xMin) * cols + (y[i + shift] - yMin)]++;
        }
    }

    static int denseCodes(int[] a, int offset, int length, int[] codes) {
        Int2IntOpenHashMap map = new Int2IntOpenHashMap();
        map.defaultReturnValue(-1);
        for (int i = 0; i < length; i++) {
            int key = a[offset + i];
            int code = map.putIfAbsent(key, map.size());
            codes[i] = code < 0 ? map.size() - 1 : code;
        }
        return map.size();
    }

    static int densePairCodes(int[] x, int xOffset, int[] y, int yOffset, int length, int[] codes) {
        Long2IntOpenHashMap map = new Long2IntOpenHashMap();
        map.defaultReturnValue(-1);
        for (int i = 0; i < length; i++) {
            long key = ((long) x[xOffset + i] << 32) | (y[yOffset + i] & 0xFFFFFFFFL);
            int code = map.putIfAbsent(key, map.size());
            codes[i] = code < 0 ? map.size() - 1 : code;
        }
        return map.size();
    }

    static double nLogN(int[] counts, int offset, int length) {
        double total = 0, compensation = 0;
        boolean valid = true;
        for (int from = offset, end = offset + length; from < end; from += BLOCK) {
            int to = Math.min(end, from + BLOCK);
            double s0 = 0, s1 = 0;
            int i = from;
            for (; i + 1 < to; i += 2) {
                int n0 = counts[i], n1 = counts[i + 1];
                s0 += nLogN(n0);
                s1 += nLogN(n1);
                valid &= (n0 | n1) >= 0;
            }
            if (i < to) {
                int n0 = counts[i];
                s0 += nLogN(n0);
                valid &= n0 >= 0;
            }
            double block = s0 + s1;
            double t = total + block;
            compensation += KernelMath.sumError(total, block, t);
            total = t;
        }
        return valid ? total + compensation : Double.NaN;
    }

    static double nLogN(long[] counts, int offset, int length) {
        double total = 0, compensation = 0;
        boolean valid = true;
        for (int from = offset, end = offset + length; from < end; from += BLOCK) {
            int to = Math.min(end, from + BLOCK);
            double s0 = 0, s1 = 0;
            int i = from;
            for (; i + 1 < to; i += 2) {
                long n0 = counts[i], n1 = counts[i + 1];
                s0 += n0 > 1 ? n0 * Math.log(n0) : 0.0;
                s1 += n1 > 1 ? n1 * Math.log(n1) : 0.0;
                valid &= (n0 | n1) >= 0;
            }
            if (i < to) {
                long n0 = counts[i];
                s0 += n0 > 1 ? n0 * Math.log(n0) : 0.0;
                valid &= n0 >= 0;
            }
            double block = s0 + s1;
            double t = total + block;
            compensation += KernelMath.sumError(total, block, t);
            total = t;
        }
        return valid ? total + compensation : Double.NaN;
    }
}

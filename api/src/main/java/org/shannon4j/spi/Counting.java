package org.shannon4j.spi;

/**
 * The reference loops of {@link CountingKernels}: label range, count scatters, dense codes for wide label ranges
 * (an open-addressing table of primitive keys, JDK only: no boxing, no third-party type in the SPI), level bitsets,
 * bitset intersection counts, and Σ n·ln n.
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
     * n·ln n of a long count from the same table (the same bits as n·Math.log(n)), 0 for n ≤ 1; the sign of a
     * negative count is checked by the caller.
     */
    private static double nLogN(long n) {
        return (n >>> 12) == 0 ? N_LOG_N[(int) n] : n > 1 ? n * Math.log(n) : 0.0;
    }

    /**
     * One accumulator each, in the plain form that C2's superword pass turns into vector min/max reductions; a
     * hand-unrolled two-accumulator loop is not vectorised.
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

    /** One accumulator each, the plain form C2 vectorises (see {@link #minMax(int[], int, int)}). */
    static long minMaxKeys(float[] a, int offset, int length) {
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (int i = offset, end = offset + length; i < end; i++) {
            int key = KernelMath.floatKey(a[i]);
            min = Math.min(min, key);
            max = Math.max(max, key);
        }
        return pack(min, max);
    }

    static void minMaxKeys(double[] a, int offset, int length, long[] keys) {
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = offset, end = offset + length; i < end; i++) {
            long key = KernelMath.doubleKey(a[i]);
            min = Math.min(min, key);
            max = Math.max(max, key);
        }
        keys[0] = min;
        keys[1] = max;
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

    static void intersectionCounts(long[] x, int xOffset, int xSets, long[] z, int zOffset, int zSets, int words,
                                   long[] counts) {
        for (int i = 0; i < xSets; i++) {
            for (int j = 0; j < zSets; j++) {
                counts[i * zSets + j] += KernelMath.intersectionCount(x, xOffset + i * words, z, zOffset + j * words,
                        words);
            }
        }
    }

    static void countPairsLowBytes(int[] x, int xOffset, int xMin, int[] y, int yOffset, int yMin, int cols,
                                   int length, byte[] low, int[] table) {
        int shift = yOffset - xOffset;
        for (int i = xOffset, end = xOffset + length; i < end; i++) {
            int c = (x[i] - xMin) * cols + (y[i + shift] - yMin);
            byte v = (byte) (low[c] + 1);
            low[c] = v;
            if (v == 0) {
                table[c] += 256;
            }
        }
    }

    static void levelSets(byte[] codes, int offset, int length, int sets, long[] bits, int bitsOffset, int words) {
        for (int i = 0; i < length; i++) {
            int v = codes[offset + i] & 0xFF;
            if (v < sets) {
                bits[bitsOffset + v * words + (i >>> 6)] |= 1L << i;
            }
        }
    }

    static void splitByClass(byte[] codes, int offset, int length, long[] classMasks, int classes, int[] starts,
                             byte[] out) {
        int words = Math.ceilDiv(length, 64);
        for (int g = 0; g < classes; g++) {
            int at = starts[g];
            // the set bits of each mask word in order (no branch per row on its class, which is unpredictable)
            for (int w = 0, base = g * words; w < words; w++) {
                long rows = classMasks[base + w];
                int row0 = offset + (w << 6);
                while (rows != 0) {
                    out[at++] = codes[row0 + Long.numberOfTrailingZeros(rows)];
                    rows &= rows - 1;
                }
            }
            starts[g] = at;
        }
    }

    static void levelPlanes(byte[] codes, int offset, int length, int sets, long[] bits, int bitsOffset,
                            int words) {
        for (int i = 0; i < length; i++) {
            int v = codes[offset + i] & 0xFF;
            if (v < sets) {
                for (int c = v + 1; c != 0; c &= c - 1) {
                    bits[bitsOffset + Integer.numberOfTrailingZeros(c) * words + (i >>> 6)] |= 1L << i;
                }
            }
        }
    }

    static void decodePlanes(long[] planes, int planesOffset, int planesSets, int outSets, int words, long[] out,
                             int outOffset) {
        for (int a = 0; a < outSets; a++) {
            int code = a + 1;
            int to = outOffset + a * words;
            // a plane's bit as it is where the code has that bit, else its complement: x ^ 0 or x ^ -1
            long flip = (code & 1) != 0 ? 0L : -1L;
            for (int w = 0; w < words; w++) {
                out[to + w] = planes[planesOffset + w] ^ flip;
            }
            for (int q = 1; q < planesSets; q++) {
                long f = (code >>> q & 1) != 0 ? 0L : -1L;
                int from = planesOffset + q * words;
                for (int w = 0; w < words; w++) {
                    out[to + w] &= planes[from + w] ^ f;
                }
            }
        }
    }

    static int denseCodes(int[] a, int offset, int length, int[] codes) {
        CodeTable table = new CodeTable();
        for (int i = 0; i < length; i++) {
            codes[i] = table.codeOf(a[offset + i]);
        }
        return table.size;
    }

    static int densePairCodes(int[] x, int xOffset, int[] y, int yOffset, int length, int[] codes) {
        CodeTable table = new CodeTable();
        for (int i = 0; i < length; i++) {
            codes[i] = table.codeOf(((long) x[xOffset + i] << 32) | (y[yOffset + i] & 0xFFFFFFFFL));
        }
        return table.size;
    }

    /**
     * Dense codes of 64-bit keys in order of first appearance: linear probing over a power-of-two table at most
     * half full, keys and codes in parallel arrays (a code c is stored as c + 1, so 0 marks an empty slot and
     * every key, 0 included, is storable). An int label is its own (sign-extended) key.
     */
    private static final class CodeTable {

        private long[] keys = new long[16];
        private int[] codes = new int[16];
        private int mask = 15;
        int size;

        /**
         * Spreads every key bit into the low bits the mask keeps: a pair's x sits in the high half of its key,
         * so the plain product's low bits would ignore it (fastutil's and Koloboke's phi mix).
         */
        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            h ^= h >>> 32;
            return (int) (h ^ (h >>> 16)) & mask;
        }

        int codeOf(long key) {
            int slot = slot(key, mask);
            for (int c; (c = codes[slot]) != 0; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return c - 1;
                }
            }
            keys[slot] = key;
            codes[slot] = ++size;
            if (size > (mask + 1) >>> 1) {
                grow();
            }
            return size - 1;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldCodes = codes;
            int capacity = 2 * (mask + 1);
            keys = new long[capacity];
            codes = new int[capacity];
            mask = capacity - 1;
            for (int s = 0; s < oldCodes.length; s++) {
                if (oldCodes[s] != 0) {
                    int slot = slot(oldKeys[s], mask);
                    while (codes[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[s];
                    codes[slot] = oldCodes[s];
                }
            }
        }
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
                s0 += nLogN(n0);
                s1 += nLogN(n1);
                valid &= (n0 | n1) >= 0;
            }
            if (i < to) {
                long n0 = counts[i];
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

    static void equalWidthBins(double[] a, int offset, int length, double[] aEdges, int bins, int[] codes) {
        KernelMath.equalWidthBins(a, offset, aEdges, bins, codes, 0, length);
    }

    static void equalWidthBins(double[] a, int offset, int length, double[] aEdges, int bins, byte[] binCodes) {
        KernelMath.equalWidthBins(a, offset, aEdges, bins, binCodes, 0, length);
    }

    static int countCodes(byte[] codes, int offset, int length, int bins, long[] table) {
        return KernelMath.countCodes(codes, offset, offset + length, bins, table);
    }

    static int binPairs(float[] a, int aOffset, float[] b, int bOffset, int length, double[] aEdges,
                        double[] bEdges, int bins, int[] table) {
        double aScale = bins / (aEdges[bins] - aEdges[0]);
        double bScale = bins / (bEdges[bins] - bEdges[0]);
        for (int i = 0; i < length; i++) {
            int x = KernelMath.histogramBin(a[aOffset + i], aEdges, bins, aScale);
            int y = KernelMath.histogramBin(b[bOffset + i], bEdges, bins, bScale);
            if ((x | y) < 0 || x >= bins || y >= bins) {
                return i;
            }
            table[x * bins + y]++;
        }
        return length;
    }

    static int binPairs(double[] a, int aOffset, double[] b, int bOffset, int length, double[] aEdges,
                        double[] bEdges, int bins, int[] table) {
        double aScale = bins / (aEdges[bins] - aEdges[0]);
        double bScale = bins / (bEdges[bins] - bEdges[0]);
        for (int i = 0; i < length; i++) {
            int x = KernelMath.histogramBin(a[aOffset + i], aEdges, bins, aScale);
            int y = KernelMath.histogramBin(b[bOffset + i], bEdges, bins, bScale);
            if ((x | y) < 0 || x >= bins || y >= bins) {
                return i;
            }
            table[x * bins + y]++;
        }
        return length;
    }
}

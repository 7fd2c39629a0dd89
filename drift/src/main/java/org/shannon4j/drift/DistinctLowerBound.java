package org.shannon4j.drift;

/**
 * A lower bound on the number of distinct finite values of one or more columns, from a bitmap of hashed values
 * (linear counting without the estimate): the number of set bits can only be at most the number of distinct
 * values, whatever the collisions. Evidently's Hellinger needs the distinct count only through Sturges' bin count
 * ⌈log₂ d + 1⌉, which is the same over the whole range (2^k, 2^(k+1)]: a lower bound and the upper bound (the
 * number of values) in the same range settle it without a sort. Bitmaps of the same size OR together, so a
 * reference's bitmap is made once. Mutable.
 */
final class DistinctLowerBound {

    /** 2^24 bits (2 MiB, one core's L2 here): far from full below 4M distinct values. */
    static final int MAX_LOG_BITS = 24;

    private final int logBits;
    private final long[] words;

    DistinctLowerBound(int logBits) {
        this.logBits = logBits;
        this.words = new long[Math.max(1, 1 << (logBits - 6))];
    }

    /** The bitmap size for up to n values: about 4n bits (a quarter full), at least 2^6, at most 2^24. */
    static int logBitsFor(long n) {
        int log = 64 - Long.numberOfLeadingZeros(Math.max(1, n) * 4 - 1);
        return Math.max(6, Math.min(MAX_LOG_BITS, log));
    }

    int logBits() {
        return logBits;
    }

    void add(double[] a) {
        addUntil(a, 0, Long.MAX_VALUE);
    }

    /**
     * Adds a's finite values in order until at least {@code enough} bits are set, given that {@code set} bits are
     * set now; returns the bits set then (exact).
     */
    long addUntil(double[] a, long set, long enough) {
        // Each value sets at most one new bit, so the values still missing are hashed before the bits are counted
        // again: the loop has no per-value count (a third fewer operations), and the counts (a pass over the
        // bitmap) stay fewer than the values, as a step takes at least one value per word of the bitmap.
        int shift = 64 - logBits;
        long[] w = words;
        long n = set;
        int i = 0;
        while (i < a.length && n < enough) {
            int end = i + (int) Math.min(a.length - i, Math.max(enough - n, w.length));
            for (; i < end; i++) {
                double v = a[i];
                if (Double.isFinite(v)) {
                    int h = hash(v, shift);
                    w[h >>> 6] |= 1L << h;
                }
            }
            n = bound();
        }
        return n;
    }

    /** v + 0.0 turns −0.0 into 0.0 (one value); Fibonacci hashing of the bits. */
    private static int hash(double v, int shift) {
        return (int) ((Double.doubleToRawLongBits(v + 0.0) * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** Sets every bit set in other (same size). */
    void or(DistinctLowerBound other) {
        if (other.logBits != logBits) {
            throw new IllegalArgumentException("bitmaps of 2^" + logBits + " and 2^" + other.logBits + " bits");
        }
        for (int i = 0; i < words.length; i++) {
            words[i] |= other.words[i];
        }
    }

    DistinctLowerBound copy() {
        DistinctLowerBound c = new DistinctLowerBound(logBits);
        System.arraycopy(words, 0, c.words, 0, words.length);
        return c;
    }

    /** At most the number of distinct finite values added. */
    long bound() {
        long n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    long[] words() {
        return words;
    }

    static DistinctLowerBound of(int logBits, long[] words) {
        DistinctLowerBound b = new DistinctLowerBound(logBits);
        System.arraycopy(words, 0, b.words, 0, b.words.length);
        return b;
    }
}

package org.shannon4j.drift;

import java.util.Arrays;

/**
 * The distinct finite values of a column and their counts while there are at most {@code limit} of them: the
 * "more than 20 distinct values in the reference" test of Evidently by early exit (a column of continuous values
 * stops after its 21st value) instead of a sort. −0.0 and 0.0 are one value, kept as 0.0 (pandas' nunique).
 * Mutable while built, then read only.
 */
final class SmallValueSet {

    private final double[] keys;
    private final long[] counts;
    private int size;

    private SmallValueSet(int limit) {
        keys = new double[limit];
        counts = new long[limit];
    }

    /** The set of the finite values of a, or null if a has more than limit distinct finite values. */
    static SmallValueSet of(double[] a, int limit) {
        SmallValueSet s = new SmallValueSet(limit);
        for (double v : a) {
            if (Double.isFinite(v) && !s.add(v)) {
                return null;
            }
        }
        return s.sorted();
    }

    private boolean add(double v) {
        for (int k = 0; k < size; k++) {
            if (keys[k] == v) {
                counts[k]++;
                return true;
            }
        }
        if (size == keys.length) {
            return false;
        }
        keys[size] = v == 0 ? 0.0 : v;
        counts[size++] = 1;
        return true;
    }

    /** Keys in increasing order (their counts moved with them). */
    private SmallValueSet sorted() {
        for (int i = 1; i < size; i++) {
            double k = keys[i];
            long c = counts[i];
            int j = i - 1;
            for (; j >= 0 && keys[j] > k; j--) {
                keys[j + 1] = keys[j];
                counts[j + 1] = counts[j];
            }
            keys[j + 1] = k;
            counts[j + 1] = c;
        }
        return this;
    }

    int size() {
        return size;
    }

    /** The distinct values, increasing. */
    double[] keys() {
        return Arrays.copyOf(keys, size);
    }

    /** The count of each of {@link #keys()}. */
    long[] counts() {
        return Arrays.copyOf(counts, size);
    }

    /**
     * The count of each of {@code union}'s keys in this set (0 for keys it lacks).
     *
     * @param union sorted distinct keys, a superset of this set's
     */
    long[] countsOver(double[] union) {
        long[] out = new long[union.length];
        int k = 0;
        for (int i = 0; i < size; i++) {
            while (union[k] != keys[i]) {
                k++;
            }
            out[k] = counts[i];
        }
        return out;
    }

    /** The sorted distinct union of this set's keys and other's. */
    double[] union(SmallValueSet other) {
        return EvidentlyRules.distinctUnion(keys(), other.keys());
    }
}

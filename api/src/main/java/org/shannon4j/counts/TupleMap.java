package org.shannon4j.counts;

/** Open-addressing map from a tuple of 1 to 3 ints to a positive long count (buffers single adds). */
final class TupleMap {

    private final int dims;
    private int[] keys;
    private long[] values; // 0 marks an empty slot: stored counts are >= 1
    private int mask;
    private int size;

    TupleMap(int dims) {
        this.dims = dims;
        this.keys = new int[16 * dims];
        this.values = new long[16];
        this.mask = 15;
    }

    int size() {
        return size;
    }

    private static int hash(int a, int b, int c) {
        long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL) ^ (c * 0x165667B19E3779F9L);
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    void add(int a, int b, int c, long count) {
        if (dims < 3) {
            c = 0;
        }
        if (dims < 2) {
            b = 0;
        }
        int slot = hash(a, b, c) & mask;
        while (values[slot] != 0) {
            int k = slot * dims;
            if (keys[k] == a && (dims < 2 || keys[k + 1] == b) && (dims < 3 || keys[k + 2] == c)) {
                values[slot] += count; // no overflow: the table's total (checked by the caller) bounds it
                return;
            }
            slot = (slot + 1) & mask;
        }
        int k = slot * dims;
        keys[k] = a;
        if (dims > 1) {
            keys[k + 1] = b;
        }
        if (dims > 2) {
            keys[k + 2] = c;
        }
        values[slot] = count;
        if (++size > (mask + 1) / 2) {
            grow();
        }
    }

    private void grow() {
        int[] oldKeys = keys;
        long[] oldValues = values;
        int capacity = 2 * (mask + 1);
        keys = new int[capacity * dims];
        values = new long[capacity];
        mask = capacity - 1;
        size = 0;
        for (int s = 0; s < oldValues.length; s++) {
            if (oldValues[s] != 0) {
                int k = s * dims;
                add(oldKeys[k], dims > 1 ? oldKeys[k + 1] : 0, dims > 2 ? oldKeys[k + 2] : 0, oldValues[s]);
            }
        }
    }

    /** The keys as labels[dim][entry], entries in slot order. */
    int[][] labels() {
        int[][] l = new int[dims][size];
        for (int s = 0, e = 0; s < values.length; s++) {
            if (values[s] != 0) {
                for (int d = 0; d < dims; d++) {
                    l[d][e] = keys[s * dims + d];
                }
                e++;
            }
        }
        return l;
    }

    long[] counts() {
        long[] c = new long[size];
        for (int s = 0, e = 0; s < values.length; s++) {
            if (values[s] != 0) {
                c[e++] = values[s];
            }
        }
        return c;
    }
}

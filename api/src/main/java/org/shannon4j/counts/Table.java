package org.shannon4j.counts;

import java.util.Arrays;

/**
 * The engine behind the public count types: a sparse table of {@code dims} (1 to 3) int labels per cell, the
 * cells kept in strictly increasing lexicographic order of their label tuples (signed int order), every count
 * ≥ 1, so that equal tables have equal arrays (equals, hashCode and the byte form follow). Single
 * {@link #add}s go to a hash map first and are folded in (sorted, then merged) at the next read.
 */
final class Table {

    static final int MAGIC = 0x434A3453; // "S4JC" read little-endian
    static final byte VERSION = 1;
    static final int HEADER_BYTES = 20;
    private static final String[] KIND_NAMES = {"LabelCounts", "PairCounts", "TripleCounts"};

    final int dims;
    int size;
    int[][] labels;
    long[] counts;
    long total;
    private TupleMap pending;

    Table(int dims) {
        this(dims, new int[dims][0], new long[0], 0, 0);
    }

    private Table(int dims, int[][] labels, long[] counts, int size, long total) {
        this.dims = dims;
        this.labels = labels;
        this.counts = counts;
        this.size = size;
        this.total = total;
    }

    // ------------------------------------------------------------------------------------------ building

    /**
     * The table of {@code m} cells given in any order ({@code labels[d][i]}, {@code counts[i]}); duplicates are
     * added, zero counts dropped. The arrays are read, not kept. Sorted input costs O(m), other input O(m log m).
     */
    static Table ofCells(int dims, int[][] labels, long[] counts, int m) {
        long total = 0;
        boolean sorted = true;
        for (int i = 0; i < m; i++) {
            long c = counts[i];
            if (c < 0) {
                throw new IllegalArgumentException("counts[" + i + "] = " + c + ": counts must be >= 0");
            }
            if (total + c < total) {
                throw new IllegalArgumentException("the counts total more than Long.MAX_VALUE = " + Long.MAX_VALUE
                        + " (at counts[" + i + "] = " + c + ")");
            }
            total += c;
            if (c == 0 || (i > 0 && compare(labels, labels, dims, i - 1, i) >= 0)) {
                sorted = false;
            }
        }
        if (sorted) {
            int[][] l = new int[dims][];
            for (int d = 0; d < dims; d++) {
                l[d] = Arrays.copyOf(labels[d], m);
            }
            return new Table(dims, l, Arrays.copyOf(counts, m), m, total);
        }
        int[] order = new int[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (counts[i] != 0) {
                order[k++] = i;
            }
        }
        order = sort(labels, dims, order, k);
        int[][] l = new int[dims][k];
        long[] c = new long[k];
        int out = -1;
        for (int r = 0; r < k; r++) {
            int i = order[r];
            if (out >= 0 && compare(l, labels, dims, out, i) == 0) {
                c[out] += counts[i]; // no overflow: the total fits
                continue;
            }
            out++;
            for (int d = 0; d < dims; d++) {
                l[d][out] = labels[d][i];
            }
            c[out] = counts[i];
        }
        int size = out + 1;
        for (int d = 0; d < dims; d++) {
            l[d] = Arrays.copyOf(l[d], size);
        }
        return new Table(dims, l, Arrays.copyOf(c, size), size, total);
    }

    private static long addExact(long a, long b, String what) {
        long s = a + b;
        if (((a ^ s) & (b ^ s)) < 0) {
            throw new ArithmeticException(what + " total more than Long.MAX_VALUE = " + Long.MAX_VALUE
                    + " (" + a + " + " + b + ")");
        }
        return s;
    }

    /** Lexicographic signed comparison of cell i of {@code a} and cell j of {@code b}. */
    private static int compare(int[][] a, int[][] b, int dims, int i, int j) {
        for (int d = 0; d < dims; d++) {
            int c = Integer.compare(a[d][i], b[d][j]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** {@code order[0..k)} sorted by the cells' label tuples (stable bottom-up merge sort, no boxing). */
    private static int[] sort(int[][] labels, int dims, int[] order, int k) {
        int[] src = order;
        int[] dst = new int[k];
        for (int width = 1; width < k; width *= 2) {
            for (int lo = 0; lo < k; lo += 2 * width) {
                int mid = Math.min(lo + width, k);
                int hi = Math.min(lo + 2 * width, k);
                int i = lo, j = mid, o = lo;
                while (i < mid && j < hi) {
                    dst[o++] = compare(labels, labels, dims, src[j], src[i]) < 0 ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[o++] = src[i++];
                }
                while (j < hi) {
                    dst[o++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        return src;
    }

    // ------------------------------------------------------------------------------------------ streaming

    /** Adds {@code count} observations of the tuple (a, b, c), of which the first {@link #dims} are used. */
    void add(int a, int b, int c, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count = " + count + ": counts must be >= 0");
        }
        if (count == 0) {
            return;
        }
        long t = addExact(total, count, "the counts");
        if (pending == null) {
            pending = new TupleMap(dims);
        }
        pending.add(a, b, c, count);
        total = t;
    }

    /** Folds the pending single adds into the sorted cells. */
    void flush() {
        if (pending == null) {
            return;
        }
        TupleMap p = pending;
        pending = null;
        long before = total;
        Table add = ofCells(dims, p.labels(), p.counts(), p.size());
        total -= add.total;
        mergeIn(add);
        assert total == before;
    }

    /** this += other (both folded); on overflow nothing changes. */
    void combine(Table other) {
        other.flush();
        flush();
        addExact(total, other.total, "the combined counts");
        mergeIn(other);
    }

    private void mergeIn(Table o) {
        if (o.size == 0) {
            total += o.total;
            return;
        }
        int m = size + o.size;
        int[][] l = new int[dims][m];
        long[] c = new long[m];
        int i = 0, j = 0, out = 0;
        while (i < size || j < o.size) {
            int cmp = i == size ? 1 : j == o.size ? -1 : compare(labels, o.labels, dims, i, j);
            if (cmp <= 0) {
                for (int d = 0; d < dims; d++) {
                    l[d][out] = labels[d][i];
                }
                c[out] = cmp == 0 ? counts[i] + o.counts[j++] : counts[i];
                i++;
            } else {
                for (int d = 0; d < dims; d++) {
                    l[d][out] = o.labels[d][j];
                }
                c[out] = o.counts[j++];
            }
            out++;
        }
        for (int d = 0; d < dims; d++) {
            l[d] = out == m ? l[d] : Arrays.copyOf(l[d], out);
        }
        labels = l;
        counts = out == m ? c : Arrays.copyOf(c, out);
        size = out;
        total += o.total;
    }

    Table copy() {
        flush();
        int[][] l = new int[dims][];
        for (int d = 0; d < dims; d++) {
            l[d] = labels[d].clone();
        }
        return new Table(dims, l, counts.clone(), size, total);
    }

    // ------------------------------------------------------------------------------------------ reading

    /** The count of the tuple (a, b, c) (first {@link #dims} used), 0 if absent. */
    long count(int a, int b, int c) {
        flush();
        int lo = 0, hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = Integer.compare(labels[0][mid], a);
            if (cmp == 0 && dims > 1) {
                cmp = Integer.compare(labels[1][mid], b);
                if (cmp == 0 && dims > 2) {
                    cmp = Integer.compare(labels[2][mid], c);
                }
            }
            if (cmp == 0) {
                return counts[mid];
            }
            if (cmp < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return 0;
    }

    /** The table of the given dimensions (in that order), the others summed out. */
    Table project(int... keep) {
        flush();
        int[][] sub = new int[keep.length][];
        for (int d = 0; d < keep.length; d++) {
            sub[d] = labels[keep[d]];
        }
        return ofCells(keep.length, sub, counts, size);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Table t) || t.dims != dims) {
            return false;
        }
        flush();
        t.flush();
        if (t.size != size || t.total != total) {
            return false;
        }
        for (int d = 0; d < dims; d++) {
            if (!Arrays.equals(labels[d], 0, size, t.labels[d], 0, size)) {
                return false;
            }
        }
        return Arrays.equals(counts, 0, size, t.counts, 0, size);
    }

    @Override
    public int hashCode() {
        flush();
        int h = dims;
        for (int d = 0; d < dims; d++) {
            h = 31 * h + Arrays.hashCode(labels[d]);
        }
        return 31 * h + Arrays.hashCode(counts);
    }

    String describe(String kind) {
        flush();
        StringBuilder b = new StringBuilder(kind).append("[N=").append(total).append(", cells=").append(size);
        int shown = Math.min(size, 8);
        b.append(shown > 0 ? ": " : "");
        for (int i = 0; i < shown; i++) {
            b.append(i > 0 ? ", " : "").append('(');
            for (int d = 0; d < dims; d++) {
                b.append(d > 0 ? "," : "").append(labels[d][i]);
            }
            b.append(")=").append(counts[i]);
        }
        return b.append(size > shown ? ", ...]" : "]").toString();
    }

    // ------------------------------------------------------------------------------------------ bytes

    byte[] toBytes(int kind) {
        flush();
        long length = HEADER_BYTES + (long) size * (4L * dims + 8);
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(size + " cells need " + length + " bytes, more than a byte[] holds");
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).put(VERSION).put((byte) kind).put((byte) dims).put((byte) 0).putInt(size).putLong(total);
        for (int d = 0; d < dims; d++) {
            for (int i = 0; i < size; i++) {
                b.putInt(labels[d][i]);
            }
        }
        for (int i = 0; i < size; i++) {
            b.putLong(counts[i]);
        }
        return b.array();
    }

    static Table fromBytes(byte[] bytes, int kind) {
        if (bytes == null) {
            throw new NullPointerException("bytes must not be null");
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER_BYTES) {
            throw corrupt(bytes.length, "truncated: " + bytes.length + " bytes, the header alone needs " + HEADER_BYTES);
        }
        int magic = b.getInt(0);
        if (magic != MAGIC) {
            throw corrupt(0, String.format("bad magic 0x%08X (expected the bytes \"S4JC\", 0x%08X little-endian)",
                    magic, MAGIC));
        }
        int version = bytes[4];
        if (version != VERSION) {
            throw corrupt(4, "unknown format version " + version + " (this library reads version " + VERSION + ")");
        }
        int k = bytes[5];
        if (k != kind) {
            String found = k >= 1 && k <= 3 ? KIND_NAMES[k - 1] : "unknown";
            throw corrupt(5, "kind " + k + " (" + found + ") but " + KIND_NAMES[kind - 1] + " (kind " + kind
                    + ") was expected");
        }
        int dims = bytes[6];
        if (dims != kind) {
            throw corrupt(6, "dims = " + dims + " but kind " + kind + " (" + KIND_NAMES[kind - 1] + ") has " + kind);
        }
        if (bytes[7] != 0) {
            throw corrupt(7, "reserved byte = " + bytes[7] + ", must be 0");
        }
        int m = b.getInt(8);
        if (m < 0) {
            throw corrupt(8, "cell count " + m + " is negative");
        }
        long declaredTotal = b.getLong(12);
        long need = HEADER_BYTES + (long) m * (4L * dims + 8);
        if (bytes.length < need) {
            throw corrupt(bytes.length, "truncated: " + m + " cells need " + need + " bytes but there are only "
                    + bytes.length);
        }
        if (bytes.length > need) {
            throw corrupt(need, "trailing bytes: " + m + " cells end at byte " + need + " but there are "
                    + bytes.length);
        }
        int[][] labels = new int[dims][m];
        int at = HEADER_BYTES;
        for (int d = 0; d < dims; d++) {
            for (int i = 0; i < m; i++, at += 4) {
                labels[d][i] = b.getInt(at);
            }
        }
        long[] counts = new long[m];
        long total = 0;
        for (int i = 0; i < m; i++, at += 8) {
            long c = b.getLong(at);
            if (c < 1) {
                throw corrupt(at, "count of cell " + i + " = " + c + ": stored counts must be >= 1");
            }
            if (total + c < total) {
                throw corrupt(at, "the counts up to cell " + i + " total more than Long.MAX_VALUE");
            }
            total += c;
            counts[i] = c;
            if (i > 0 && compare(labels, labels, dims, i - 1, i) >= 0) {
                throw corrupt(labelOffset(m, dims, i), "cell " + i + " " + tuple(labels, dims, i)
                        + " is not after cell " + (i - 1) + " " + tuple(labels, dims, i - 1)
                        + ": cells must be sorted and distinct");
            }
        }
        if (total != declaredTotal) {
            throw corrupt(12, "total N = " + declaredTotal + " but the counts sum to " + total);
        }
        return new Table(dims, labels, counts, m, total);
    }

    /** Byte offset of the first label of cell i whose label can break the order (dimension 0 for simplicity). */
    private static long labelOffset(int m, int dims, int i) {
        return HEADER_BYTES + 4L * i;
    }

    private static String tuple(int[][] labels, int dims, int i) {
        StringBuilder b = new StringBuilder("(");
        for (int d = 0; d < dims; d++) {
            b.append(d > 0 ? ", " : "").append(labels[d][i]);
        }
        return b.append(')').toString();
    }

    private static IllegalArgumentException corrupt(long offset, String what) {
        return new IllegalArgumentException("corrupt counts at byte offset " + offset + ": " + what);
    }
}

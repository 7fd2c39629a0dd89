package org.shannon4j.drift;

import org.shannon4j.spi.CountingKernels;

/**
 * Finds a value's bin among fixed edges as numpy's {@code searchsorted(edges, v, 'right') − 1} does (the last bin
 * closed), in O(1) for (near-)uniform edges: an arithmetic guess (v − first)·bins / (last − first), then an exact
 * correction against the edges themselves. The guess only decides where the comparisons start, so the result is
 * the binary search's for any strictly increasing edges; edges far from uniform cost a binary search after two
 * steps. Plain comparisons throughout, so −0.0 and 0.0 are one value, as in numpy. Immutable.
 */
final class BinLocator {

    /** Floats widened per step (16 KiB of doubles, within L1). */
    static final int WIDEN_BLOCK = 2048;

    /** Values per kernel call (an L1-sized buffer of their bins). */
    private static final int KERNEL_BLOCK = 1024;

    /** Count tables of the counting loop. */
    private static final int TABLES = 4;

    /**
     * Values per call of the byte-code kernels: 4 kB of codes, within L1 between the two kernels, and the buffer
     * (allocated per count, as the int codes' buffer is) small.
     */
    private static final int BYTE_BLOCK = 4096;

    private final double[] edges;
    /** edges[g], and the bound v must be below to be in bin g: edges[g + 1], nextUp(last) for the last bin. */
    private final double[] lower;
    private final double[] upper;
    private final int bins;
    private final double first;
    private final double last;
    private final double scale;
    /** The edges as given (no sentinel), for the kernel. */
    private final double[] given;
    /** The kernels that bin double values, or null (uneven edges, or none given). */
    private final CountingKernels kernels;
    /** Whether those kernels bin into byte codes and count them (at most 255 bins, and the backend has both). */
    private final boolean byteCodes;

    /** @param edges checked edges (at least two, finite, strictly increasing); not changed */
    BinLocator(double[] edges) {
        this(edges, null);
    }

    /**
     * @param edges checked edges (at least two, finite, strictly increasing); not changed
     * @param kernels a backend's kernels, whose {@link CountingKernels#equalWidthBins} then finds the bins of
     *     double values among equal-width edges (numpy's linspace), or null for this class's own loop
     */
    BinLocator(double[] edges, CountingKernels kernels) {
        this.bins = edges.length - 1;
        // a +∞ sentinel after the last edge: v < edges[bins] then holds in the last bin, which is closed
        this.edges = java.util.Arrays.copyOf(edges, bins + 2);
        this.edges[bins] = Double.POSITIVE_INFINITY;
        this.edges[bins + 1] = Double.POSITIVE_INFINITY;
        this.first = edges[0];
        this.last = edges[bins];
        this.lower = java.util.Arrays.copyOf(edges, bins);
        this.upper = java.util.Arrays.copyOfRange(edges, 1, bins + 1);
        // v ≤ last is v < nextUp(last) for every v (+∞ too: nextUp(MAX_VALUE) is +∞, and ∞ < ∞ is false)
        this.upper[bins - 1] = Math.nextUp(last);
        double s = bins / (last - first);
        // a range wider than Double.MAX_VALUE: no useful guess, the correction's binary search does it all
        this.scale = Double.isFinite(s) ? s : 0.0;
        this.given = java.util.Arrays.copyOf(edges, bins + 1);
        this.kernels = kernels != null && ownsEqualWidthBins(kernels) && equalWidth(edges, bins, first, last)
                ? kernels : null;
        this.byteCodes = this.kernels != null && bins <= 255 && ownsByteCodes(kernels);
    }

    /**
     * Whether the backend has its own byte-code kernels ({@link CountingKernels#equalWidthBins(double[], int, int,
     * double[], int, byte[])} and {@link CountingKernels#countCodes}): through the reference loops, two passes
     * cost more than this class's one.
     */
    private static boolean ownsByteCodes(CountingKernels kernels) {
        try {
            Class<?> k = kernels.getClass();
            return k.getMethod("equalWidthBins", double[].class, int.class, int.class, double[].class, int.class,
                    byte[].class).getDeclaringClass() != CountingKernels.class
                    && k.getMethod("countCodes", byte[].class, int.class, int.class, int.class, long[].class)
                    .getDeclaringClass() != CountingKernels.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Whether the backend has its own {@link CountingKernels#equalWidthBins}: the reference loop, run through a
     * buffer, is slower than this class's fused loop (the scalar backend keeps that one).
     */
    private static boolean ownsEqualWidthBins(CountingKernels kernels) {
        try {
            return kernels.getClass().getMethod("equalWidthBins", double[].class, int.class, int.class,
                    double[].class, int.class, int[].class).getDeclaringClass() != CountingKernels.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Whether edge k is k·step + first for every k below bins, as the kernel recomputes it. */
    private static boolean equalWidth(double[] edges, int bins, double first, double last) {
        double step = (last - first) / bins;
        double scale = bins / (last - first);
        boolean same = step > 0 && scale > 0 && step < Double.POSITIVE_INFINITY && scale < Double.POSITIVE_INFINITY;
        for (int k = 0; k < bins && same; k++) {
            same = edges[k] == k * step + first;
        }
        return same;
    }

    int bins() {
        return bins;
    }

    /** Whether double values are binned by the backend's kernel. */
    boolean usesKernel() {
        return kernels != null;
    }

    /** Whether v is in a bin: first ≤ v ≤ last (false for NaN and ±∞). */
    boolean inRange(double v) {
        return v >= first && v <= last;
    }

    /** The bin of v, first ≤ v ≤ last: the largest i < bins with edges[i] ≤ v. */
    int bin(double v) {
        double x = (v - first) * scale; // ≥ 0, or NaN when the range overflowed (scale 0, v − first = ∞)
        int g = x < bins ? (int) x : bins - 1;
        double[] e = edges;
        if (e[g] > v) {
            g--; // g ≥ 1 here, as e[0] ≤ v
            if (e[g] > v) {
                g = search(v, 0, g - 1);
            }
        } else if (v >= e[g + 1]) {
            g++;
            if (v >= e[g + 1]) {
                g = search(v, g + 1, bins - 1);
            }
        }
        return g;
    }

    private int search(double v, int lo, int hi) {
        return search(edges, v, lo, hi);
    }

    /**
     * The largest i in [lo, hi] with edges[i] ≤ v, given edges[lo] ≤ v: numpy's searchsorted(edges, v, 'right')
     * − 1 by binary search. Plain comparisons (not Double.compare, which orders −0.0 before 0.0 where numpy sees
     * them equal).
     */
    static int search(double[] edges, double v, int lo, int hi) {
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (edges[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Adds the bins of {@code values[from, to)} to {@code counts} (one slot per bin) and returns how many values
     * were below the first edge, above the last, and not finite, as {below, above, nonFinite}; or, when
     * {@code reject}, throws at the first non-finite value.
     */
    long[] countInto(double[] values, int from, int to, long[] counts, boolean reject) {
        long[] left = new long[3];
        long[] tables = new long[TABLES * bins];
        if (kernels != null && to - from >= KERNEL_BLOCK) {
            countByKernel(values, from, to, tables, left, reject);
        } else {
            countBlock(values, from, to, tables, left, reject);
        }
        mergeTables(tables, counts);
        return left;
    }

    /**
     * The backend finds the bins of a block (vectorised, each proven against its two edges), then the bins are
     * added to the tables here; the values it left unproven (−1) take {@link #tallyOther}, in order, so that
     * REJECT still throws at the first non-finite value.
     */
    private void countByKernel(double[] values, int from, int to, long[] tables, long[] left, boolean reject) {
        if (byteCodes) {
            countByByteCodes(values, from, to, tables, left, reject, new byte[Math.min(BYTE_BLOCK, to - from)]);
            return;
        }
        // allocated here (4 KB a call), not kept per thread: a per-thread buffer made a whole PSI call about 10%
        // slower in JMH (likely the counting loop's range checks, which the JIT drops for an array of known length)
        int[] found = new int[KERNEL_BLOCK];
        int b1 = bins;
        int b2 = 2 * bins;
        int b3 = 3 * bins;
        for (int start = from; start < to; start += KERNEL_BLOCK) {
            int len = Math.min(KERNEL_BLOCK, to - start);
            kernels.equalWidthBins(values, start, len, given, bins, found);
            int j = 0;
            for (; j + TABLES <= len; j += TABLES) {
                int g0 = found[j];
                int g1 = found[j + 1];
                int g2 = found[j + 2];
                int g3 = found[j + 3];
                if ((g0 | g1 | g2 | g3) >= 0) {
                    // all four proven: one test instead of four
                    tables[g0]++;
                    tables[b1 + g1]++;
                    tables[b2 + g2]++;
                    tables[b3 + g3]++;
                } else {
                    add(g0, values, start + j, tables, 0, left, reject);
                    add(g1, values, start + j + 1, tables, b1, left, reject);
                    add(g2, values, start + j + 2, tables, b2, left, reject);
                    add(g3, values, start + j + 3, tables, b3, left, reject);
                }
            }
            for (; j < len; j++) {
                add(found[j], values, start + j, tables, 0, left, reject);
            }
        }
    }

    /**
     * The backend bins a block into byte codes and counts them into the first table, byte compares instead of an
     * increment per value; the values it left unproven (code 255, never a bin) are found only in a block where
     * the count skipped some, and take {@link #tallyOther} in order, so that REJECT still throws at the first
     * non-finite value.
     */
    private void countByByteCodes(double[] values, int from, int to, long[] tables, long[] left, boolean reject,
                                  byte[] codes) {
        for (int start = from; start < to; start += codes.length) {
            int len = Math.min(codes.length, to - start);
            kernels.equalWidthBins(values, start, len, given, bins, codes);
            if (kernels.countCodes(codes, 0, len, bins, tables) > 0) {
                for (int j = 0; j < len; j++) {
                    if ((codes[j] & 0xFF) >= bins) {
                        tallyOther(values, start + j, tables, 0, left, reject);
                    }
                }
            }
        }
    }

    private void add(int g, double[] values, int i, long[] tables, int table, long[] left, boolean reject) {
        if (g >= 0) {
            tables[table + g]++;
        } else {
            tallyOther(values, i, tables, table, left, reject);
        }
    }

    /**
     * Counts into {@link #TABLES} tables of {@code bins} slots, value i into table i mod 4: consecutive values in
     * the same bin (the centre bins of a bell hold most of them) then increment different slots, instead of each
     * increment waiting for the store of the one before. The common value costs the guess, a clamp and one
     * predictable test against its bin's two bounds ({@code lower[g] ≤ v < upper[g]}, false for NaN and
     * outside the edges); the rest go to {@link #tallyOther}.
     */
    private void countBlock(double[] values, int from, int to, long[] tables, long[] left, boolean reject) {
        int i = from;
        int b1 = bins;
        int b2 = 2 * bins;
        int b3 = 3 * bins;
        for (; i + TABLES <= to; i += TABLES) {
            tally(values, i, tables, 0, left, reject);
            tally(values, i + 1, tables, b1, left, reject);
            tally(values, i + 2, tables, b2, left, reject);
            tally(values, i + 3, tables, b3, left, reject);
        }
        for (; i < to; i++) {
            tally(values, i, tables, 0, left, reject);
        }
    }

    private void tally(double[] values, int i, long[] tables, int table, long[] left, boolean reject) {
        double v = values[i];
        double x = (v - first) * scale;
        // any slot will do for NaN and values outside: the bounds test sends them on
        int g = x < bins ? (int) x : bins - 1;
        g = Math.max(g, 0);
        if (lower[g] <= v && v < upper[g]) {
            tables[table + g]++;
        } else {
            tallyOther(values, i, tables, table, left, reject);
        }
    }

    /** A value the guess missed (near an edge, or far off for uneven edges), outside the edges, or not finite. */
    private void tallyOther(double[] values, int i, long[] tables, int table, long[] left, boolean reject) {
        double v = values[i];
        if (v >= first && v <= last) {
            tables[table + bin(v)]++;
        } else if (v < first && v != Double.NEGATIVE_INFINITY) {
            left[0]++;
        } else if (v > last && v != Double.POSITIVE_INFINITY) {
            left[1]++;
        } else {
            if (reject) {
                throw BinEdges.nonFiniteValue(values, i);
            }
            left[2]++;
        }
    }

    private void mergeTables(long[] tables, long[] counts) {
        for (int g = 0; g < bins; g++) {
            counts[g] += (tables[g] + tables[bins + g]) + (tables[2 * bins + g] + tables[3 * bins + g]);
        }
    }

    /**
     * {@link #countInto(double[], int, int, long[], boolean)} for float values (compared as the doubles they are):
     * widened a block at a time into a small buffer, so that one loop does the counting.
     */
    long[] countInto(float[] values, int from, int to, long[] counts, boolean reject) {
        double[] block = new double[Math.min(WIDEN_BLOCK, Math.max(0, to - from))];
        long[] left = new long[3];
        long[] tables = new long[TABLES * bins];
        // the widened blocks through the byte-code kernels when the backend has them (see countByByteCodes)
        byte[] codes = byteCodes && block.length > 0 ? new byte[block.length] : null;
        for (int start = from; start < to; start += WIDEN_BLOCK) {
            int len = Math.min(WIDEN_BLOCK, to - start);
            for (int i = 0; i < len; i++) {
                block[i] = values[start + i];
            }
            if (reject) {
                for (int i = 0; i < len; i++) {
                    if (!Double.isFinite(block[i])) {
                        throw new IllegalArgumentException("values[" + (start + i) + "] = " + values[start + i]
                                + ": non-finite values are rejected (NonFinite.REJECT; NonFinite.DROP leaves them out)");
                    }
                }
            }
            if (codes != null) {
                countByByteCodes(block, 0, len, tables, left, false, codes);
            } else {
                countBlock(block, 0, len, tables, left, false);
            }
        }
        mergeTables(tables, counts);
        return left;
    }

    /**
     * The counts of sorted values in the bins, by two binary searches per edge (O(bins·log n)) instead of a pass:
     * numpy's {@code np.histogram} of the same values. Plain comparisons, so −0.0 and 0.0 (adjacent after
     * Arrays.sort) fall together.
     *
     * @param sorted values sorted increasing (entries from n on are ignored)
     * @param n number of values
     */
    long[] countSorted(double[] sorted, int n) {
        long[] counts = new long[bins];
        int lo = lowerBound(sorted, n, edges[0]);
        for (int i = 0; i < bins - 1; i++) {
            int hi = lowerBound(sorted, n, edges[i + 1]);
            counts[i] = hi - lo;
            lo = hi;
        }
        // the last bin is closed: up to the first value > last
        int end = lo;
        int top = n;
        while (end < top) {
            int mid = (end + top) >>> 1;
            if (sorted[mid] <= last) {
                end = mid + 1;
            } else {
                top = mid;
            }
        }
        counts[bins - 1] = end - lo;
        return counts;
    }

    /** The first index in [0, n) whose value is not below e (n if none). */
    private static int lowerBound(double[] sorted, int n, double e) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < e) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

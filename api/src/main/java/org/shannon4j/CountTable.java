package org.shannon4j;

import org.shannon4j.spi.Kernels;

/**
 * A joint count table and its marginals, the common input of every count-based measure: built from label
 * arrays (dense range: counted in place; wide range: through dense codes) or from a contingency table.
 * The joint counts are an int[] or long[] range that may contain zeros; its 2-D layout is not needed by any
 * measure (every formula uses only the multiset of cell counts and of marginals), so wide labels can keep
 * just the non-empty cells. {@code rowCells}·{@code colCells} is the number of cells K that estimators with a
 * prior (Dirichlet, shrinkage) spread mass over.
 *
 * <p>Instances built from labels reuse per-thread buffers: use one before building the next on the same thread.
 */
final class CountTable {

    /** Dense tables up to this many cells are counted directly (64 MB of int counts). */
    static final long MAX_DENSE_CELLS = 1L << 24;
    /** Buffers up to this many cells are kept per thread between calls (4 MB). */
    private static final int RETAINED_CELLS = 1 << 20;

    /**
     * Smallest part of a label input counted on its own thread: below ~1 ms of scatter a task and an extra table
     * to add cost more than they save.
     */
    static final int PARALLEL_PART = 1 << 20;

    private static final ThreadLocal<CountTable> SCRATCH = ThreadLocal.withInitial(CountTable::new);

    int[] intJoint;
    long[] longJoint;
    int jointLength;
    long[] rows = new long[16];
    int rowLength;
    long[] cols = new long[16];
    int colLength;
    long n;
    /** Number of row and column categories K = rowCells·colCells for the estimators. */
    long rowCells;
    long colCells;
    int nonEmptyRows;
    int nonEmptyCols;

    private int[] tableBuffer = new int[256];

    /** The joint Σ n·ln n through the kernel. */
    double jointNLogN(Kernels k) {
        return intJoint != null ? k.nLogN(intJoint, 0, jointLength) : k.nLogN(longJoint, 0, jointLength);
    }

    long joint(int i) {
        return intJoint != null ? intJoint[i] : longJoint[i];
    }

    private int[] table(int cells) {
        if (cells > RETAINED_CELLS) {
            return new int[cells];
        }
        if (tableBuffer.length < cells) {
            tableBuffer = new int[Math.max(cells, tableBuffer.length * 2)];
        } else {
            java.util.Arrays.fill(tableBuffer, 0, cells, 0);
        }
        return tableBuffer;
    }

    private void marginals(int r, int c) {
        if (rows.length < r) {
            rows = new long[Math.max(r, rows.length * 2)];
        }
        if (cols.length < c) {
            cols = new long[Math.max(c, cols.length * 2)];
        }
        java.util.Arrays.fill(rows, 0, r, 0);
        java.util.Arrays.fill(cols, 0, c, 0);
        rowLength = r;
        colLength = c;
    }

    private void countNonEmpty() {
        int r = 0;
        for (int i = 0; i < rowLength; i++) {
            r += rows[i] != 0 ? 1 : 0;
        }
        int c = 0;
        for (int j = 0; j < colLength; j++) {
            c += cols[j] != 0 ? 1 : 0;
        }
        nonEmptyRows = r;
        nonEmptyCols = c;
    }

    /** Whether a dense table of rx·ry cells is worth counting into, for n samples. */
    static boolean denseFits(long rx, long ry, int n) {
        long limit = Math.min(MAX_DENSE_CELLS, Math.max(1L << 16, 4L * n));
        return rx <= limit && ry <= limit && rx * ry <= limit; // ranges up to 2^32 each: no overflowing product
    }

    /** The table of the pairs (x[xOffset+i], y[yOffset+i]), i &lt; length (length ≥ 1, ranges checked). */
    static CountTable ofLabels(Kernels k, int[] x, int xOffset, int[] y, int yOffset, int length) {
        return ofLabels(k, Parallelism.SEQUENTIAL, x, xOffset, y, yOffset, length);
    }

    /**
     * As {@link #ofLabels(Kernels, int[], int, int[], int, int)}; with {@code par.threads > 1} a long input's
     * dense pair count is split over threads (each counts a contiguous part into its own table, the tables are
     * added). Counts are integers, so the table — and every measure of it — is identical for any thread count.
     */
    static CountTable ofLabels(Kernels k, Parallelism par, int[] x, int xOffset, int[] y, int yOffset, int length) {
        CountTable t = SCRATCH.get();
        t.fromLabels(k, par, x, xOffset, y, yOffset, length);
        return t;
    }

    private void fromLabels(Kernels k, Parallelism par, int[] x, int xOffset, int[] y, int yOffset, int length) {
        long mx = k.minMax(x, xOffset, length);
        long my = k.minMax(y, yOffset, length);
        int xMin = (int) (mx >> 32);
        int yMin = (int) (my >> 32);
        long rx = (long) (int) mx - xMin + 1;
        long ry = (long) (int) my - yMin + 1;
        n = length;
        longJoint = null;
        if (denseFits(rx, ry, length)) {
            dense(k, par, x, xOffset, xMin, (int) rx, y, yOffset, yMin, (int) ry, length);
            return;
        }
        // Wide ranges: dense codes for a side whose range is too wide, then dense again if the product fits.
        int[] xs = x;
        int xo = xOffset;
        if (!denseFits(rx, 1, length)) {
            xs = new int[length];
            rx = k.denseCodes(x, xOffset, length, xs);
            xo = 0;
            xMin = 0;
        }
        int[] ys = y;
        int yo = yOffset;
        if (!denseFits(ry, 1, length)) {
            ys = new int[length];
            ry = k.denseCodes(y, yOffset, length, ys);
            yo = 0;
            yMin = 0;
        }
        if (denseFits(rx, ry, length)) {
            dense(k, par, xs, xo, xMin, (int) rx, ys, yo, yMin, (int) ry, length);
            return;
        }
        // Sparse: codes of the distinct pairs, counted densely; marginals counted on their own.
        int[] pairCodes = new int[length];
        int kxy = k.densePairCodes(x, xOffset, y, yOffset, length, pairCodes);
        int[] joint = new int[kxy];
        k.count(pairCodes, 0, 0, length, joint);
        intJoint = joint;
        jointLength = kxy;
        int[] xc = new int[(int) rx];
        k.count(xs, xo, xMin, length, xc);
        int[] yc = new int[(int) ry];
        k.count(ys, yo, yMin, length, yc);
        marginals((int) rx, (int) ry);
        for (int i = 0; i < rx; i++) {
            rows[i] = xc[i];
        }
        for (int j = 0; j < ry; j++) {
            cols[j] = yc[j];
        }
        countNonEmpty();
        rowCells = nonEmptyRows;
        colCells = nonEmptyCols;
    }

    private void dense(Kernels k, Parallelism par, int[] x, int xOffset, int xMin, int rx, int[] y, int yOffset,
                       int yMin, int ry, int length) {
        int cells = rx * ry;
        int[] table = table(cells);
        int parts = par.threads <= 1 ? 1 : (int) Math.min(par.threads, length / PARALLEL_PART);
        if (parts > 1) {
            ParallelCount.countPairs(k, par, parts, x, xOffset, xMin, y, yOffset, yMin, ry, length, table, cells);
        } else {
            k.countPairs(x, xOffset, xMin, y, yOffset, yMin, ry, length, table);
        }
        intJoint = table;
        jointLength = cells;
        marginals(rx, ry);
        long[] r = rows;
        long[] c = cols;
        for (int i = 0, cell = 0; i < rx; i++) {
            long s = 0;
            for (int j = 0; j < ry; j++, cell++) {
                int v = table[cell];
                s += v;
                c[j] += v;
            }
            r[i] = s;
        }
        countNonEmpty();
        rowCells = nonEmptyRows;
        colCells = nonEmptyCols;
    }

    /** The table of a row-major contingency table {@code counts[0 .. rows·cols)}, validated here. */
    static CountTable ofCounts(Object counts, int rows, int cols) {
        String name = "counts";
        if (counts == null) {
            throw new NullPointerException("counts must not be null");
        }
        int length = counts instanceof long[] l ? l.length : ((int[]) counts).length;
        checkShape(name, length, rows, cols);
        CountTable t = new CountTable();
        t.marginals(rows, cols);
        long total = 0;
        boolean isLong = counts instanceof long[];
        long[] lc = isLong ? (long[]) counts : null;
        int[] ic = isLong ? null : (int[]) counts;
        for (int i = 0, cell = 0; i < rows; i++) {
            long s = 0;
            for (int j = 0; j < cols; j++, cell++) {
                long v = isLong ? lc[cell] : ic[cell];
                if (v < 0) {
                    throw new IllegalArgumentException(name + "[" + cell + "] = " + v + " (row " + i + ", column " + j
                            + "): counts must be >= 0");
                }
                try {
                    s = Math.addExact(s, v);
                    t.cols[j] = Math.addExact(t.cols[j], v);
                } catch (ArithmeticException e) {
                    throw overflow(name);
                }
            }
            t.rows[i] = s;
            try {
                total = Math.addExact(total, s);
            } catch (ArithmeticException e) {
                throw overflow(name);
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException(name + " is all zeros: a contingency table needs at least one count");
        }
        t.n = total;
        t.intJoint = ic;
        t.longJoint = lc;
        t.jointLength = length;
        t.countNonEmpty();
        t.rowCells = rows;
        t.colCells = cols;
        return t;
    }

    private static IllegalArgumentException overflow(String name) {
        return new IllegalArgumentException("the sum of " + name + " exceeds Long.MAX_VALUE: counts must total at most "
                + Long.MAX_VALUE);
    }

    /** rows, cols ≥ 1, rows·cols fits an int and equals the array length. */
    static void checkShape(String name, int length, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(name + ": rows = " + rows + " and cols = " + cols + " must both be >= 1");
        }
        long cells = (long) rows * cols;
        if (cells > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": rows × cols = " + rows + " × " + cols + " = " + cells
                    + " overflows the int range of a Java array");
        }
        if (cells != length) {
            throw new IllegalArgumentException(name + ".length = " + length + " but rows × cols = " + rows + " × "
                    + cols + " = " + cells + ": a row-major table needs exactly rows × cols entries");
        }
    }
}

package org.shannon4j.dependence;

import org.shannon4j.counts.LabelCounts;
import org.shannon4j.counts.PairCounts;
import org.shannon4j.counts.TripleCounts;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

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

    void countNonEmpty() {
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
     * As {@link #ofLabels(Kernels, int[], int, int[], int, int)}; with {@code par.threads() > 1} a long input's
     * dense pair count is split over threads (each counts a contiguous part into its own table, the tables are
     * added). Counts are integers, so the table — and every measure of it — is identical for any thread count.
     * The table is canonical: the non-empty cells in increasing (x, y) label order, the non-empty rows and
     * columns in increasing label order, so that it equals {@link #of(PairCounts)} of the same samples and every
     * measure gets the same bits from both.
     */
    static CountTable ofLabels(Kernels k, Parallelism par, int[] x, int xOffset, int[] y, int yOffset, int length) {
        CountTable t = SCRATCH.get();
        PairCounts wide = t.count(k, par, x, xOffset, y, yOffset, length);
        if (wide != null) {
            return of(wide);
        }
        t.compactDense();
        return t;
    }

    /** The public table of the pairs (any length ≥ 0, ranges checked): dense count, then O(cells) to cells. */
    static PairCounts pairCounts(Kernels k, Parallelism par, int[] x, int xOffset, int[] y, int yOffset, int length) {
        if (length == 0) {
            return new PairCounts();
        }
        CountTable t = SCRATCH.get();
        PairCounts wide = t.count(k, par, x, xOffset, y, yOffset, length);
        return wide != null ? wide : t.denseCells();
    }

    /**
     * The measures' view of a public table: the cell counts in its (x, y) order (as ints when they fit, as
     * label counting gives), the marginals in label order, K = the numbers of distinct x and y labels.
     */
    static CountTable of(PairCounts counts) {
        long[] cells = counts.cellCounts();
        CountTable t = new CountTable();
        t.setJoint(cells);
        t.rows = counts.x().counts();
        t.rowLength = t.rows.length;
        t.cols = counts.y().counts();
        t.colLength = t.cols.length;
        t.n = counts.total();
        t.nonEmptyRows = t.rowLength;
        t.nonEmptyCols = t.colLength;
        t.rowCells = t.rowLength;
        t.colCells = t.colLength;
        return t;
    }

    /** Cell counts as an int[] when every count fits (the array label counting fills), else as they are. */
    void setJoint(long[] cells) {
        jointLength = cells.length;
        long max = 0;
        for (long c : cells) {
            max = Math.max(max, c);
        }
        if (max <= Integer.MAX_VALUE) {
            int[] ints = new int[cells.length];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = (int) cells[i];
            }
            intJoint = ints;
            longJoint = null;
        } else {
            intJoint = null;
            longJoint = cells;
        }
    }

    // Geometry of the last dense count: cell (i, j) of intJoint counts (xMin + i, yMin + j).
    private int denseXMin;
    private int denseYMin;

    /**
     * Counts the pairs. A dense label range is counted into {@code intJoint} (row-major, x − xMin indexing rows,
     * zeros included) and null is returned; a wide one is turned into the canonical public table, returned.
     */
    private PairCounts count(Kernels k, Parallelism par, int[] x, int xOffset, int[] y, int yOffset, int length) {
        long mx;
        long my;
        if (par.threads() > 1 && length >= PARALLEL_PART) {
            long[] ranges = ParallelCount.minMax(k, par, x, xOffset, y, yOffset, length);
            mx = ranges[0];
            my = ranges[1];
        } else {
            mx = k.minMax(x, xOffset, length);
            my = k.minMax(y, yOffset, length);
        }
        int xMin = (int) (mx >> 32);
        int yMin = (int) (my >> 32);
        long rx = span(mx);
        long ry = span(my);
        n = length;
        longJoint = null;
        if (denseFits(rx, ry, length)) {
            dense(k, par, x, xOffset, xMin, (int) rx, y, yOffset, yMin, (int) ry, length);
            return null;
        }
        // Wide ranges: dense codes (in order of first appearance) for a side whose range is too wide, counted
        // densely if the product fits, as pair codes otherwise; the cells are then sorted by label.
        int[] xs = x;
        int xo = xOffset;
        int[] xLabelOf = null;
        if (!denseFits(rx, 1, length)) {
            xs = new int[length];
            rx = k.denseCodes(x, xOffset, length, xs);
            xLabelOf = labelOfCode(x, xOffset, xs, length, (int) rx);
            xo = 0;
            xMin = 0;
        }
        int[] ys = y;
        int yo = yOffset;
        int[] yLabelOf = null;
        if (!denseFits(ry, 1, length)) {
            ys = new int[length];
            ry = k.denseCodes(y, yOffset, length, ys);
            yLabelOf = labelOfCode(y, yOffset, ys, length, (int) ry);
            yo = 0;
            yMin = 0;
        }
        int[] cellX;
        int[] cellY;
        long[] cellCounts;
        if (denseFits(rx, ry, length)) {
            int r = (int) ry;
            int[] table = new int[(int) rx * r];
            PairCount.countPairs(k, xs, xo, xMin, ys, yo, yMin, r, length, table, table.length);
            int m = 0;
            for (int v : table) {
                m += v != 0 ? 1 : 0;
            }
            cellX = new int[m];
            cellY = new int[m];
            cellCounts = new long[m];
            for (int cell = 0, c = 0; cell < table.length; cell++) {
                if (table[cell] != 0) {
                    int i = cell / r;
                    int j = cell - i * r;
                    cellX[c] = xLabelOf != null ? xLabelOf[i] : xMin + i;
                    cellY[c] = yLabelOf != null ? yLabelOf[j] : yMin + j;
                    cellCounts[c++] = table[cell];
                }
            }
        } else {
            int[] pairCodes = new int[length];
            int kxy = k.densePairCodes(x, xOffset, y, yOffset, length, pairCodes);
            int[] joint = new int[kxy];
            k.count(pairCodes, 0, 0, length, joint);
            cellX = labelOfCode(x, xOffset, pairCodes, length, kxy);
            cellY = labelOfCode(y, yOffset, pairCodes, length, kxy);
            cellCounts = new long[kxy];
            for (int c = 0; c < kxy; c++) {
                cellCounts[c] = joint[c];
            }
        }
        return PairCounts.ofCells(cellX, cellY, cellCounts);
    }

    /** The public table of {@code labels[offset ..+length)} (length ≥ 0, range checked). */
    static LabelCounts labelCounts(Kernels k, int[] labels, int offset, int length) {
        if (length == 0) {
            return new LabelCounts();
        }
        long mm = k.minMax(labels, offset, length);
        int min = (int) (mm >> 32);
        long range = (long) (int) mm - min + 1;
        int[] table;
        int[] labelOf = null;
        if (denseFits(range, 1, length)) {
            table = new int[(int) range];
            k.count(labels, offset, min, length, table);
        } else {
            int[] codes = new int[length];
            table = new int[k.denseCodes(labels, offset, length, codes)];
            k.count(codes, 0, 0, length, table);
            labelOf = labelOfCode(labels, offset, codes, length, table.length);
        }
        int m = 0;
        for (int v : table) {
            m += v != 0 ? 1 : 0;
        }
        int[] seen = new int[m];
        long[] counts = new long[m];
        for (int i = 0, c = 0; i < table.length; i++) {
            if (table[i] != 0) {
                seen[c] = labelOf != null ? labelOf[i] : min + i;
                counts[c++] = table[i];
            }
        }
        return LabelCounts.ofCounts(seen, counts); // sorts the wide case's codes into label order
    }

    /**
     * The public table of the triples (length ≥ 0, ranges checked): (x, y) pair codes — arithmetic, in (x, y)
     * order, when the product of the ranges fits an int, hashed otherwise — counted against z as pairs.
     */
    static TripleCounts tripleCounts(Kernels k, Parallelism par, int[] x, int xOffset, int[] y, int yOffset, int[] z,
                                     int zOffset, int length) {
        if (length == 0) {
            return new TripleCounts();
        }
        long mx = k.minMax(x, xOffset, length), my = k.minMax(y, yOffset, length);
        int xMin = (int) (mx >> 32), yMin = (int) (my >> 32);
        long rx = span(mx), ry = span(my);
        int[] xy = new int[length];
        int[] xOf = null;
        int[] yOf = null;
        int r = (int) Math.min(ry, Integer.MAX_VALUE);
        if (rx <= Integer.MAX_VALUE && ry <= Integer.MAX_VALUE && rx * ry <= Integer.MAX_VALUE) {
            for (int i = 0; i < length; i++) {
                xy[i] = (x[xOffset + i] - xMin) * r + (y[yOffset + i] - yMin);
            }
        } else {
            int kxy = k.densePairCodes(x, xOffset, y, yOffset, length, xy);
            xOf = labelOfCode(x, xOffset, xy, length, kxy);
            yOf = labelOfCode(y, yOffset, xy, length, kxy);
        }
        PairCounts pairs = pairCounts(k, par, xy, 0, z, zOffset, length);
        int[] codes = pairs.cellX();
        int[] cx = new int[codes.length];
        int[] cy = new int[codes.length];
        for (int c = 0; c < codes.length; c++) {
            int code = codes[c];
            cx[c] = xOf != null ? xOf[code] : xMin + code / r;
            cy[c] = yOf != null ? yOf[code] : yMin + code % r;
        }
        return TripleCounts.ofCells(cx, cy, pairs.cellY(), pairs.cellCounts());
    }

    /** The number of ints from min to max of a {@link Kernels#minMax} result (up to 2³²). */
    static long span(long minMax) {
        return (long) (int) minMax - (int) (minMax >> 32) + 1;
    }

    /** The label of each code: {@code a[offset + i]} for some i with {@code codes[i] == code}. */
    static int[] labelOfCode(int[] a, int offset, int[] codes, int length, int k) {
        int[] label = new int[k];
        for (int i = 0; i < length; i++) {
            label[codes[i]] = a[offset + i];
        }
        return label;
    }

    private void dense(Kernels k, Parallelism par, int[] x, int xOffset, int xMin, int rx, int[] y, int yOffset,
                       int yMin, int ry, int length) {
        int cells = rx * ry;
        int[] table = table(cells);
        int parts = par.threads() <= 1 ? 1 : (int) Math.min(par.threads(), length / PARALLEL_PART);
        if (parts > 1) {
            ParallelCount.countPairs(k, par, parts, x, xOffset, xMin, y, yOffset, yMin, ry, length, table, cells);
        } else {
            PairCount.countPairs(k, x, xOffset, xMin, y, yOffset, yMin, ry, length, table, cells);
        }
        intJoint = table;
        jointLength = cells;
        marginals(rx, ry);
        denseXMin = xMin;
        denseYMin = yMin;
    }

    /**
     * Row and column sums of the dense count and, in the same pass, the non-empty cells moved to the front in
     * row-major order — increasing (x, y) order — then the empty rows and columns dropped: the canonical table.
     */
    private void compactDense() {
        int[] table = intJoint;
        int rx = rowLength;
        int ry = colLength;
        long[] r = rows;
        long[] c = cols;
        int m = 0;
        for (int i = 0, cell = 0; i < rx; i++) {
            long s = 0;
            for (int j = 0; j < ry; j++, cell++) {
                int v = table[cell];
                s += v;
                c[j] += v;
                table[m] = v;
                m += v != 0 ? 1 : 0;
            }
            r[i] = s;
        }
        jointLength = m;
        rowLength = compact(r, rx);
        colLength = compact(c, ry);
        nonEmptyRows = rowLength;
        nonEmptyCols = colLength;
        rowCells = nonEmptyRows;
        colCells = nonEmptyCols;
    }

    private static int compact(long[] a, int length) {
        int m = 0;
        for (int i = 0; i < length; i++) {
            long v = a[i];
            a[m] = v;
            m += v != 0 ? 1 : 0;
        }
        return m;
    }

    /** The public table of the last dense count (before {@link #compactDense}). */
    private PairCounts denseCells() {
        int[] table = intJoint;
        int ry = colLength;
        int m = 0;
        for (int cell = 0; cell < jointLength; cell++) {
            m += table[cell] != 0 ? 1 : 0;
        }
        int[] cellX = new int[m];
        int[] cellY = new int[m];
        long[] counts = new long[m];
        for (int i = 0, cell = 0, c = 0; i < rowLength; i++) {
            for (int j = 0; j < ry; j++, cell++) {
                int v = table[cell];
                if (v != 0) {
                    cellX[c] = denseXMin + i;
                    cellY[c] = denseYMin + j;
                    counts[c++] = v;
                }
            }
        }
        return PairCounts.ofCells(cellX, cellY, counts);
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

package org.shannon4j.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;

import org.apache.spark.sql.Row;
import org.shannon4j.Shannon;
import org.shannon4j.selection.DiscreteColumns;
import org.shannon4j.selection.SelectionTables;

/**
 * One partition's rows as column codes (bytes when every column has at most 256 levels, shorts up to 65,536,
 * ints beyond) and dense target classes, cached in executor memory across the steps of a selection. Its
 * {@link SelectionTables} — the selection module's counting engine, with the column bitsets it builds once — is
 * made on first use in the executor and kept with the cached block, so a step costs the popcounts only.
 */
final class CodedBlock implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int[] levels;
    private final int classCount;
    /** byte[][], short[][] or int[][], column-major; null when the block has no rows. */
    private final Object columns;
    private final int[] classes;
    private final String backend;
    private transient SelectionTables tables;

    private CodedBlock(int rows, int[] levels, int classCount, Object columns, int[] classes, String backend) {
        this.rows = rows;
        this.levels = levels;
        this.classCount = classCount;
        this.columns = columns;
        this.classes = classes;
        this.backend = backend;
    }

    /**
     * Codes the rows of one partition: columns 0..f−1 of each row are the features (integral, checked to lie in
     * [0, levels)), column f the target, coded as its index in the sorted {@code classValues}.
     */
    static CodedBlock of(Iterator<Row> it, ColumnCoding coding, String backend) {
        int f = coding.features();
        int width = coding.codeWidth();
        int capacity = 1024;
        byte[][] b = width == 1 ? new byte[f][capacity] : null;
        short[][] s = width == 2 ? new short[f][capacity] : null;
        int[][] i = width == 4 ? new int[f][capacity] : null;
        int[] y = new int[capacity];
        int n = 0;
        while (it.hasNext()) {
            Row row = it.next();
            if (n == y.length) {
                capacity = Math.multiplyExact(capacity, 2);
                y = Arrays.copyOf(y, capacity);
                for (int c = 0; c < f; c++) {
                    if (b != null) {
                        b[c] = Arrays.copyOf(b[c], capacity);
                    } else if (s != null) {
                        s[c] = Arrays.copyOf(s[c], capacity);
                    } else {
                        i[c] = Arrays.copyOf(i[c], capacity);
                    }
                }
            }
            for (int c = 0; c < f; c++) {
                int code = coding.code(row, c);
                if (b != null) {
                    b[c][n] = (byte) code;
                } else if (s != null) {
                    s[c][n] = (short) code;
                } else {
                    i[c][n] = code;
                }
            }
            y[n] = coding.classOf(row, f);
            n++;
        }
        Object cols = null;
        if (n > 0) {
            for (int c = 0; c < f; c++) {
                if (b != null) {
                    b[c] = Arrays.copyOf(b[c], n);
                } else if (s != null) {
                    s[c] = Arrays.copyOf(s[c], n);
                } else {
                    i[c] = Arrays.copyOf(i[c], n);
                }
            }
            cols = b != null ? b : s != null ? s : i;
        }
        return new CodedBlock(n, coding.levels(), coding.classCount(), cols, n > 0 ? Arrays.copyOf(y, n) : null,
                backend);
    }

    int rows() {
        return rows;
    }

    /** The engine of this block (on the block's backend, one thread: Spark's tasks are the parallelism). */
    private SelectionTables tables() {
        if (tables == null) {
            DiscreteColumns dc = switch (columns) {
                case byte[][] b -> DiscreteColumns.wrap(b, levels);
                case short[][] s -> DiscreteColumns.of(s, levels);
                case int[][] i -> DiscreteColumns.of(i, levels);
                default -> throw new IllegalStateException("no columns");
            };
            tables = SelectionTables.of(Shannon.get(backend).withParallelism(1).context(), dc, classes, classCount);
        }
        return tables;
    }

    /** Every feature's (level, class) table; zeros for an empty block. */
    long[][] targetTables() {
        long[][] out = new long[levels.length][];
        for (int j = 0; j < out.length; j++) {
            out[j] = rows == 0 ? new long[levels[j] * classCount] : tables().targetTable(j);
        }
        return out;
    }

    /** The (candidate, selected, target) table of each feature not excluded; null entries for an empty block. */
    long[][] tablesGiven(int selected, boolean[] excluded) {
        long[][] out = new long[levels.length][];
        if (rows == 0) {
            return out;
        }
        int ls = levels[selected];
        tables().tablesGiven(selected, excluded, (j, table) ->
                out[j] = Arrays.copyOf(table, levels[j] * ls * classCount));
        return out;
    }

    /** Adds b into a, cell by cell (null is an empty table); returns a, or b when a is null. */
    static long[][] add(long[][] a, long[][] b) {
        for (int j = 0; j < a.length; j++) {
            if (b[j] == null) {
                continue;
            }
            if (a[j] == null) {
                a[j] = b[j];
                continue;
            }
            long[] x = a[j];
            long[] z = b[j];
            for (int c = 0; c < x.length; c++) {
                x[c] += z[c];
            }
        }
        return a;
    }
}

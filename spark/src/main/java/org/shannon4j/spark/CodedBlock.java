package org.shannon4j.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

import org.apache.spark.TaskContext;
import org.shannon4j.Shannon;
import org.shannon4j.selection.DiscreteColumns;
import org.shannon4j.selection.SelectionTables;

/**
 * One partition's rows for a selection, cached in executor memory across its steps: each feature column's codes
 * in the narrowest array that holds this partition's largest code (byte, short or int), and the raw target
 * values. One read of the data codes the block and reports its {@link Summary} (rows, largest code per column,
 * distinct target values), from which the driver makes the global {@link Coding}; the block's
 * {@link SelectionTables} — the selection module's counting engine with its per-column bitsets — is made from
 * that coding on first use in the executor and kept with the cached block, so a step costs the popcounts only.
 */
final class CodedBlock implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The largest number of target classes taken (the dense tables have levels² · classes cells). */
    static final int MAX_CLASSES = 1 << 16;

    private final int rows;
    /** Per feature: byte[], short[] or int[] of its codes (byte and short read unsigned). */
    private final Object[] columns;
    private final int[] target;
    private final int[] max;
    private final int[] classes;
    private transient SelectionTables tables;

    private CodedBlock(int rows, Object[] columns, int[] target, int[] max, int[] classes) {
        this.rows = rows;
        this.columns = columns;
        this.target = target;
        this.max = max;
        this.classes = classes;
    }

    /**
     * What the driver needs of a block to code the whole data.
     *
     * @param rows the block's rows
     * @param max each feature's largest code in the block (−1 when it has no rows)
     * @param classes the block's distinct target values, increasing
     */
    record Summary(int rows, int[] max, int[] classes) implements Serializable {
    }

    Summary summary() {
        return new Summary(rows, max, classes);
    }

    /**
     * The levels (largest code + 1 of each feature over all blocks, the in-process {@code DiscreteColumns.of}
     * rule) and the classes (the distinct target values in increasing order, the in-process rule) of the whole
     * data, and the backend the executors count with.
     *
     * @param levels each feature's level count
     * @param classValues the target's distinct values, increasing: class c is classValues[c]
     * @param backend the backend the executors count with
     */
    record Coding(int[] levels, int[] classValues, String backend) implements Serializable {

        static Coding of(java.util.List<Summary> blocks, String target, String backend) {
            long rows = 0;
            int[] max = null;
            int[] classes = new int[0];
            for (Summary b : blocks) {
                rows += b.rows();
                if (max == null) {
                    max = b.max().clone();
                } else {
                    for (int c = 0; c < max.length; c++) {
                        max[c] = Math.max(max[c], b.max()[c]);
                    }
                }
                classes = union(classes, b.classes());
                if (classes.length > MAX_CLASSES) {
                    throw new IllegalArgumentException("target '" + target + "' has more than " + MAX_CLASSES
                            + " distinct values");
                }
            }
            if (rows == 0) {
                throw new IllegalArgumentException("the dataset has no rows");
            }
            if (classes.length < 2) {
                throw new IllegalArgumentException("target '" + target + "' is constant (every row is " + classes[0]
                        + "): I(X;Y) = 0 for every feature, so there is nothing to select");
            }
            int[] levels = new int[max.length];
            for (int c = 0; c < levels.length; c++) {
                levels[c] = max[c] + 1;
            }
            return new Coding(levels, classes, backend);
        }

        private static int[] union(int[] a, int[] b) {
            int[] out = new int[a.length + b.length];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < a.length || j < b.length) {
                int v = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
                if (n == 0 || out[n - 1] != v) {
                    out[n++] = v;
                }
            }
            return Arrays.copyOf(out, n);
        }
    }

    /** Codes a partition: plan columns 0..f−1 are the features, column f the target. */
    static final class Builder extends Staging {
        private final int features;
        private final Object[] columns;
        private final int[] max;
        private int[] target = new int[1024];
        private int n;

        Builder(CountingPlan plan, int features) {
            super(plan);
            this.features = features;
            this.columns = new Object[features];
            this.max = new int[features];
            Arrays.fill(max, -1);
            for (int c = 0; c < features; c++) {
                columns[c] = new byte[1024];
            }
        }

        @Override
        void staged(int[][] staged, int rows, int[] lo, int[] hi) {
            int need = n + rows;
            if (need > target.length) {
                int capacity = Math.max(need, (int) Math.min(Integer.MAX_VALUE - 8, 2L * target.length));
                target = Arrays.copyOf(target, capacity);
                for (int c = 0; c < features; c++) {
                    columns[c] = resize(columns[c], capacity);
                }
            }
            for (int c = 0; c < features; c++) {
                int[] col = staged[c];
                if (lo[c] < 0 || hi[c] == Integer.MAX_VALUE) {
                    int i = 0;
                    while (col[i] >= 0 && col[i] != Integer.MAX_VALUE) {
                        i++;
                    }
                    throw new IllegalArgumentException("column '" + plan.columns[c] + "' holds " + col[i] + " at row "
                            + (n + i) + " of partition " + TaskContext.getPartitionId() + ": codes must be in"
                            + " [0, " + Integer.MAX_VALUE + ")");
                }
                int top = Math.max(max[c], hi[c]);
                if (width(top) > width(max[c])) {
                    columns[c] = widen(columns[c], width(top), n, target.length);
                }
                max[c] = top;
                switch (columns[c]) {
                    case byte[] b -> {
                        for (int i = 0; i < rows; i++) {
                            b[n + i] = (byte) col[i];
                        }
                    }
                    case short[] s -> {
                        for (int i = 0; i < rows; i++) {
                            s[n + i] = (short) col[i];
                        }
                    }
                    default -> System.arraycopy(col, 0, (int[]) columns[c], n, rows);
                }
            }
            System.arraycopy(staged[features], 0, target, n, rows);
            n += rows;
        }

        CodedBlock build() {
            Object[] cols = new Object[features];
            for (int c = 0; c < features; c++) {
                cols[c] = resize(columns[c], n);
            }
            int[] y = Arrays.copyOf(target, n);
            int[] sorted = y.clone();
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            if (distinct > MAX_CLASSES) {
                throw new IllegalArgumentException("target '" + plan.columns[features] + "' has more than "
                        + MAX_CLASSES + " distinct values");
            }
            return new CodedBlock(n, cols, y, max.clone(), Arrays.copyOf(sorted, distinct));
        }

        private static int width(int max) {
            return max < 1 << 8 ? 1 : max < 1 << 16 ? 2 : 4;
        }

        private static Object widen(Object col, int width, int filled, int capacity) {
            if (width == 2) {
                short[] s = new short[capacity];
                byte[] b = (byte[]) col;
                for (int i = 0; i < filled; i++) {
                    s[i] = (short) (b[i] & 0xFF);
                }
                return s;
            }
            int[] out = new int[capacity];
            for (int i = 0; i < filled; i++) {
                out[i] = col instanceof byte[] b ? b[i] & 0xFF : ((short[]) col)[i] & 0xFFFF;
            }
            return out;
        }
    }

    private static Object resize(Object col, int length) {
        return switch (col) {
            case byte[] b -> Arrays.copyOf(b, length);
            case short[] s -> Arrays.copyOf(s, length);
            default -> Arrays.copyOf((int[]) col, length);
        };
    }

    /** The engine of this block for the whole data's coding (one thread: Spark's tasks are the parallelism). */
    private SelectionTables tables(Coding coding) {
        if (tables == null) {
            int[] levels = coding.levels();
            int widest = Arrays.stream(levels).max().orElse(1);
            DiscreteColumns dc;
            if (widest <= 1 << 8) {
                byte[][] b = new byte[columns.length][];
                for (int c = 0; c < b.length; c++) {
                    b[c] = (byte[]) columns[c];
                }
                dc = DiscreteColumns.wrap(b, levels);
            } else if (widest <= 1 << 16) {
                short[][] s = new short[columns.length][];
                for (int c = 0; c < s.length; c++) {
                    s[c] = columns[c] instanceof short[] sh ? sh : (short[]) Builder.widen(columns[c], 2, rows, rows);
                }
                dc = DiscreteColumns.of(s, levels);
            } else {
                int[][] i = new int[columns.length][];
                for (int c = 0; c < i.length; c++) {
                    i[c] = columns[c] instanceof int[] in ? in : (int[]) Builder.widen(columns[c], 4, rows, rows);
                }
                dc = DiscreteColumns.of(i, levels);
            }
            int[] dense = new int[rows];
            for (int r = 0; r < rows; r++) {
                dense[r] = Arrays.binarySearch(coding.classValues(), target[r]);
            }
            tables = SelectionTables.of(Shannon.get(coding.backend()).withParallelism(1).context(), dc, dense,
                    coding.classValues().length);
        }
        return tables;
    }

    /** Every feature's (level, class) table; zeros for an empty block. */
    long[][] targetTables(Coding coding) {
        int[] levels = coding.levels();
        int classCount = coding.classValues().length;
        long[][] out = new long[levels.length][];
        for (int j = 0; j < out.length; j++) {
            out[j] = rows == 0 ? new long[levels[j] * classCount] : tables(coding).targetTable(j);
        }
        return out;
    }

    /** The (candidate, selected, target) table of each feature not excluded; null entries for an empty block. */
    long[][] tablesGiven(Coding coding, int selected, boolean[] excluded) {
        int[] levels = coding.levels();
        long[][] out = new long[levels.length][];
        if (rows == 0) {
            return out;
        }
        int cells = levels[selected] * coding.classValues().length;
        tables(coding).tablesGiven(selected, excluded, (j, table) -> out[j] = Arrays.copyOf(table, levels[j] * cells));
        return out;
    }

    /** Adds b into a, cell by cell (null is an empty table); returns a. */
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

package org.shannon4j.selection;

/**
 * Discrete feature columns: column-major int codes, column c's codes in [0, {@link #levels(int) levels(c)}), all
 * columns of the same number of rows. Built from codes ({@link #of(int[][])}, {@link #of(int[][], int[])}) or by a
 * {@link Discretizer}. The arrays are copied: immutable.
 */
public final class DiscreteColumns {

    private final int[][] columns;
    private final int[] levels;
    private final int rows;

    private DiscreteColumns(int[][] columns, int[] levels, int rows) {
        this.columns = columns;
        this.levels = levels;
        this.rows = rows;
    }

    /**
     * Columns of codes ≥ 0 with level counts max + 1 per column.
     *
     * @param columns column-major codes, {@code columns[c][row]}
     * @return the columns (copied)
     * @throws IllegalArgumentException for no column, no row, ragged columns or a negative code (naming the
     *                                  column, the row and the value)
     */
    public static DiscreteColumns of(int[][] columns) {
        checkShape(columns);
        int[] levels = new int[columns.length];
        for (int c = 0; c < columns.length; c++) {
            int max = 0;
            int[] col = columns[c];
            for (int r = 0; r < col.length; r++) {
                int v = col[r];
                if (v < 0) {
                    throw new IllegalArgumentException("columns[" + c + "][" + r + "] = " + v + " (column " + c
                            + ", row " + r + "): codes must be >= 0");
                }
                max = Math.max(max, v);
            }
            if (max == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("columns[" + c + "] holds " + max + ": codes must be < "
                        + Integer.MAX_VALUE);
            }
            levels[c] = max + 1;
        }
        return new DiscreteColumns(copy(columns), levels, columns[0].length);
    }

    /**
     * Columns of codes with declared level counts: column c's codes must lie in [0, levels[c]).
     *
     * @param columns column-major codes, {@code columns[c][row]}
     * @param levels the number of levels of each column (≥ 1)
     * @return the columns (copied)
     * @throws IllegalArgumentException for no column, no row, ragged columns, a level count &lt; 1 or of another
     *                                  length, or a code outside its column's levels (naming the column, the row
     *                                  and the value)
     */
    public static DiscreteColumns of(int[][] columns, int[] levels) {
        checkShape(columns);
        if (levels == null) {
            throw new NullPointerException("levels must not be null");
        }
        if (levels.length != columns.length) {
            throw new IllegalArgumentException("levels.length = " + levels.length + " but there are "
                    + columns.length + " columns: one level count per column is needed");
        }
        for (int c = 0; c < columns.length; c++) {
            int l = levels[c];
            if (l < 1) {
                throw new IllegalArgumentException("levels[" + c + "] = " + l + ": a column has at least 1 level");
            }
            int[] col = columns[c];
            for (int r = 0; r < col.length; r++) {
                int v = col[r];
                if (v < 0 || v >= l) {
                    throw new IllegalArgumentException("columns[" + c + "][" + r + "] = " + v + " (column " + c
                            + ", row " + r + "): column " + c + " has " + l + " levels, codes must be in [0, " + l
                            + ")");
                }
            }
        }
        return new DiscreteColumns(copy(columns), levels.clone(), columns[0].length);
    }

    /** Already validated and owned columns (the discretisers'). */
    static DiscreteColumns owned(int[][] columns, int[] levels) {
        return new DiscreteColumns(columns, levels, columns[0].length);
    }

    private static void checkShape(int[][] columns) {
        if (columns == null) {
            throw new NullPointerException("columns must not be null");
        }
        if (columns.length == 0) {
            throw new IllegalArgumentException("columns is empty: at least one column is needed");
        }
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] == null) {
                throw new NullPointerException("columns[" + c + "] must not be null");
            }
        }
        int rows = columns[0].length;
        if (rows == 0) {
            throw new IllegalArgumentException("columns[0] is empty: at least one row is needed");
        }
        for (int c = 1; c < columns.length; c++) {
            if (columns[c].length != rows) {
                throw new IllegalArgumentException("columns[" + c + "].length = " + columns[c].length
                        + " but columns[0].length = " + rows + ": ragged columns, every column needs the same rows");
            }
        }
    }

    private static int[][] copy(int[][] columns) {
        int[][] a = new int[columns.length][];
        for (int c = 0; c < a.length; c++) {
            a[c] = columns[c].clone();
        }
        return a;
    }

    /**
     * Number of columns (features).
     *
     * @return the number of columns
     */
    public int columns() {
        return columns.length;
    }

    /**
     * Number of rows (samples).
     *
     * @return the number of rows
     */
    public int rows() {
        return rows;
    }

    /**
     * Number of levels of column {@code c}: its codes lie in [0, levels).
     *
     * @param c the column index
     * @return its level count
     */
    public int levels(int c) {
        return levels[c];
    }

    /**
     * The codes of column {@code c}; a copy.
     *
     * @param c the column index
     * @return its codes, one per row
     */
    public int[] column(int c) {
        return columns[c].clone();
    }

    /** The codes of column {@code c}, not copied (read-only by contract inside the package). */
    int[] codes(int c) {
        return columns[c];
    }
}

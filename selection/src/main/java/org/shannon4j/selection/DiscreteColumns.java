package org.shannon4j.selection;

import java.util.List;
import java.util.Objects;

/**
 * Discrete feature columns: column-major codes, column c's codes in [0, {@link #levels(int) levels(c)}), all
 * columns of the same number of rows, optionally named. Built from {@code int}, {@code short} or {@code byte} codes
 * or by a {@link Discretizer}. Each column is held in the narrowest of byte, short and int that its level count
 * fits (≤ 256, ≤ 65,536 levels), so 100,000 rows × 1,000 columns of up to 256 levels take 100 MB whatever the
 * input type. {@code byte} and {@code short} codes are read unsigned (0..255, 0..65,535). The factories {@code of}
 * copy; {@link #wrap(byte[][], int[])} does not, for inputs too large to hold twice. Immutable (a wrapped input
 * must not change while it is used).
 */
public final class DiscreteColumns {

    /** Each column a byte[], short[] or int[] of codes (byte and short unsigned). */
    private final Object[] columns;
    private final int[] levels;
    private final int rows;
    private final List<String> names;

    private DiscreteColumns(Object[] columns, int[] levels, int rows, List<String> names) {
        this.columns = columns;
        this.levels = levels;
        this.rows = rows;
        this.names = names;
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
        int rows = checkShape(columns);
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
        return new DiscreteColumns(narrow(columns, levels), levels, rows, null);
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
        int rows = checkShape(columns);
        checkLevels(levels, columns.length, Integer.MAX_VALUE);
        for (int c = 0; c < columns.length; c++) {
            int r = firstOutside(columns[c], levels[c]);
            if (r >= 0) {
                checkCode(c, r, columns[c][r], levels[c]);
            }
        }
        return new DiscreteColumns(narrow(columns, levels), levels.clone(), rows, null);
    }

    /**
     * Columns of {@code short} codes, read unsigned (0..65,535), with declared level counts (≤ 65,536).
     *
     * @param columns column-major codes, {@code columns[c][row]}
     * @param levels the number of levels of each column, 1..65,536
     * @return the columns (copied)
     * @throws IllegalArgumentException as {@link #of(int[][], int[])}
     */
    public static DiscreteColumns of(short[][] columns, int[] levels) {
        int rows = checkShape(columns);
        checkLevels(levels, columns.length, 1 << 16);
        Object[] data = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            short[] col = columns[c];
            int r = firstOutside(col, levels[c]);
            if (r >= 0) {
                checkCode(c, r, col[r] & 0xFFFF, levels[c]);
            }
            data[c] = levels[c] <= 256 ? bytes(col) : col.clone();
        }
        return new DiscreteColumns(data, levels.clone(), rows, null);
    }

    /**
     * Columns of {@code byte} codes, read unsigned (0..255), with declared level counts (≤ 256).
     *
     * @param columns column-major codes, {@code columns[c][row]}
     * @param levels the number of levels of each column, 1..256
     * @return the columns (copied)
     * @throws IllegalArgumentException as {@link #of(int[][], int[])}
     */
    public static DiscreteColumns of(byte[][] columns, int[] levels) {
        DiscreteColumns checked = wrap(columns, levels);
        Object[] data = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            data[c] = columns[c].clone();
        }
        return new DiscreteColumns(data, checked.levels, checked.rows, null);
    }

    /**
     * Columns of {@code byte} codes as {@link #of(byte[][], int[])}, but <b>not copied</b>: for inputs too large
     * to hold twice (a million rows × 2,000 columns is 2 GB). The caller must not change the arrays while the
     * columns are in use.
     *
     * @param columns column-major codes, {@code columns[c][row]}
     * @param levels the number of levels of each column, 1..256
     * @return the columns, over the caller's arrays
     * @throws IllegalArgumentException as {@link #of(int[][], int[])}
     */
    public static DiscreteColumns wrap(byte[][] columns, int[] levels) {
        int rows = checkShape(columns);
        checkLevels(levels, columns.length, 1 << 8);
        for (int c = 0; c < columns.length; c++) {
            byte[] col = columns[c];
            int r = levels[c] < 256 ? firstOutside(col, levels[c]) : -1; // 256 levels: every byte is a code
            if (r >= 0) {
                checkCode(c, r, col[r] & 0xFF, levels[c]);
            }
        }
        return new DiscreteColumns(columns.clone(), levels.clone(), rows, null);
    }

    /** Already validated and owned columns (the discretisers'). */
    static DiscreteColumns owned(int[][] columns, int[] levels) {
        return new DiscreteColumns(narrow(columns, levels), levels, columns[0].length, null);
    }

    /**
     * The same columns with names (e.g. a file's header), reported by {@link Selection#names()}.
     *
     * @param columnNames one name per column
     * @return the named columns (sharing the codes)
     * @throws IllegalArgumentException if the number of names differs from the number of columns
     */
    public DiscreteColumns withNames(List<String> columnNames) {
        List<String> copy = List.copyOf(Objects.requireNonNull(columnNames, "columnNames must not be null"));
        if (copy.size() != columns.length) {
            throw new IllegalArgumentException("columnNames has " + copy.size() + " names but there are "
                    + columns.length + " columns: one name per column is needed");
        }
        return new DiscreteColumns(columns, levels, rows, copy);
    }

    /**
     * The name of column {@code c}: the one given to {@link #withNames}, else {@code "x" + c}.
     *
     * @param c the column index
     * @return its name
     */
    public String name(int c) {
        Objects.checkIndex(c, columns.length);
        return names == null ? "x" + c : names.get(c);
    }

    /** Checks there are columns, none null, and all of the same non-zero length; returns that length. */
    private static int checkShape(Object[] columns) {
        if (columns == null) {
            throw new NullPointerException("columns must not be null");
        }
        int[] len = new int[columns.length];
        for (int c = 0; c < len.length; c++) {
            len[c] = columns[c] == null ? -1 : java.lang.reflect.Array.getLength(columns[c]);
        }
        if (len.length == 0) {
            throw new IllegalArgumentException("columns is empty: at least one column is needed");
        }
        for (int c = 0; c < len.length; c++) {
            if (len[c] < 0) {
                throw new NullPointerException("columns[" + c + "] must not be null");
            }
        }
        if (len[0] == 0) {
            throw new IllegalArgumentException("columns[0] is empty: at least one row is needed");
        }
        for (int c = 1; c < len.length; c++) {
            if (len[c] != len[0]) {
                throw new IllegalArgumentException("columns[" + c + "].length = " + len[c] + " but columns[0].length = "
                        + len[0] + ": ragged columns, every column needs the same rows");
            }
        }
        return len[0];
    }

    private static void checkLevels(int[] levels, int columns, int max) {
        if (levels == null) {
            throw new NullPointerException("levels must not be null");
        }
        if (levels.length != columns) {
            throw new IllegalArgumentException("levels.length = " + levels.length + " but there are " + columns
                    + " columns: one level count per column is needed");
        }
        for (int c = 0; c < levels.length; c++) {
            int l = levels[c];
            if (l < 1 || l > max) {
                throw new IllegalArgumentException("levels[" + c + "] = " + l + ": a column has at least 1 level"
                        + (max < Integer.MAX_VALUE ? " and at most " + max + " for these codes" : ""));
            }
        }
    }

    // The first row whose code is not in [0, l), or -1. A method of its own, compiled normally after a few
    // columns: inline, the check ran as the on-stack replacement of the loop over the columns, about 3 times
    // slower, in every call but the steady state of many (a selection wraps its columns once; see
    // docs/performance-notes.md).

    private static int firstOutside(int[] col, int l) {
        for (int r = 0; r < col.length; r++) {
            if (col[r] < 0 || col[r] >= l) {
                return r;
            }
        }
        return -1;
    }

    private static int firstOutside(short[] col, int l) {
        for (int r = 0; r < col.length; r++) {
            if ((col[r] & 0xFFFF) >= l) {
                return r;
            }
        }
        return -1;
    }

    private static int firstOutside(byte[] col, int l) {
        for (int r = 0; r < col.length; r++) {
            if ((col[r] & 0xFF) >= l) {
                return r;
            }
        }
        return -1;
    }

    private static void checkCode(int c, int r, int v, int l) {
        if (v < 0 || v >= l) {
            throw new IllegalArgumentException("columns[" + c + "][" + r + "] = " + v + " (column " + c + ", row " + r
                    + "): column " + c + " has " + l + " levels, codes must be in [0, " + l + ")");
        }
    }

    /** Copies of the columns, each in the narrowest type its level count fits. */
    private static Object[] narrow(int[][] columns, int[] levels) {
        Object[] data = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            int[] col = columns[c];
            if (levels[c] <= 256) {
                byte[] b = new byte[col.length];
                for (int r = 0; r < col.length; r++) {
                    b[r] = (byte) col[r];
                }
                data[c] = b;
            } else if (levels[c] <= 1 << 16) {
                short[] s = new short[col.length];
                for (int r = 0; r < col.length; r++) {
                    s[r] = (short) col[r];
                }
                data[c] = s;
            } else {
                data[c] = col.clone();
            }
        }
        return data;
    }

    private static byte[] bytes(short[] col) {
        byte[] b = new byte[col.length];
        for (int r = 0; r < col.length; r++) {
            b[r] = (byte) col[r];
        }
        return b;
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
     * The codes of column {@code c}, as ints; a copy.
     *
     * @param c the column index
     * @return its codes, one per row
     */
    public int[] column(int c) {
        int[] out = new int[rows];
        codes(c, out);
        return out;
    }

    /** Writes column c's codes as ints into {@code out[0 .. rows)} (no allocation). */
    void codes(int c, int[] out) {
        switch (columns[c]) {
            case byte[] b -> {
                for (int r = 0; r < rows; r++) {
                    out[r] = b[r] & 0xFF;
                }
            }
            case short[] s -> {
                for (int r = 0; r < rows; r++) {
                    out[r] = s[r] & 0xFFFF;
                }
            }
            default -> System.arraycopy((int[]) columns[c], 0, out, 0, rows);
        }
    }

    /**
     * The codes of column c as held, not a copy: bytes (read unsigned), as every column of at most 256 levels is.
     *
     * @throws IllegalStateException if column c has more than 256 levels
     */
    byte[] bytes(int c) {
        if (columns[c] instanceof byte[] b) {
            return b;
        }
        throw new IllegalStateException("column " + c + " has " + levels[c] + " levels: not held as bytes");
    }
}

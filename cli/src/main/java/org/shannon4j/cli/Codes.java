package org.shannon4j.cli;

import java.util.Arrays;
import java.util.BitSet;

import org.shannon4j.cli.data.Column;
import org.shannon4j.cli.data.Table;

/**
 * Turns a table column into int codes for the count-based measures. Integer columns are used as codes as they
 * are (a CSV column of integers beyond the int range, which pandas reads as int64, by the ranks of its values);
 * text columns by their dictionary codes; floating columns by equal-width bins exactly as numpy's
 * {@code digitize(x, linspace(min, max, bins + 1)[1:-1])} (so bin i holds edge[i-1] ≤ x &lt; edge[i], the
 * maximum falls in the last bin, and a constant column is one level). Missing cells (and NaN) are an error that
 * names the cell's place in the file, or under {@link Missing#LEVEL} a level of their own. Infinite values cannot
 * be binned by width: always an error.
 */
public final class Codes {

    /** What a missing cell or NaN becomes. */
    public enum Missing {
        /** An error naming {@code file:line:column} (the default). */
        ERROR,
        /** A level of its own, distinct from every present value. */
        LEVEL
    }

    private Codes() {
    }

    /**
     * The codes of one column.
     *
     * @param table   the table
     * @param column  the column index
     * @param bins    the number of equal-width bins for a floating column (≥ 1)
     * @param missing the missing-value policy
     * @return one code per row
     * @throws org.shannon4j.cli.data.DataFileException for a missing cell or NaN under {@link Missing#ERROR}, or an
     *                                                  infinite value, at its place in the file
     */
    public static int[] of(Table table, int column, int bins, Missing missing) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins: must be at least 1, got " + bins);
        }
        Column c = table.columns().get(column);
        return switch (c) {
            case Column.Ints ints -> ofInts(table, column, ints, missing);
            case Column.Text text -> ofText(table, column, text, missing);
            case Column.Doubles doubles when isIntegers(doubles) -> ofLongs(table, column, doubles, missing);
            case Column.Doubles doubles -> ofDoubles(table, column, doubles, bins, missing);
        };
    }

    /**
     * Whether a column holds integers only: an integer column, or a CSV column of integers beyond the int range
     * (pandas reads both as int64, and they are codes, not values to bin).
     *
     * @param c a column
     * @return whether its present cells are all integers as written
     */
    public static boolean isIntegers(Column c) {
        return c instanceof Column.Ints || c instanceof Column.Doubles d && d.integerLiterals() && d.longs() != null;
    }

    /**
     * The kind of a column as the commands' titles name it: "integer" for {@link #isIntegers} columns.
     *
     * @param c a column
     * @return integer, floating or text
     */
    public static String kindName(Column c) {
        return isIntegers(c) ? "integer" : c.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Integers beyond the int range: their ranks among the column's distinct values (as written, not rounded). */
    private static int[] ofLongs(Table table, int column, Column.Doubles c, Codes.Missing missing) {
        rejectMissing(table, column, c.missing(), missing);
        long[] v = c.longs();
        long[] distinct = java.util.stream.IntStream.range(0, v.length).filter(r -> !c.missing().get(r))
                .mapToLong(r -> v[r]).sorted().distinct().toArray();
        int[] codes = new int[v.length];
        for (int r = 0; r < v.length; r++) {
            codes[r] = c.missing().get(r) ? distinct.length : Arrays.binarySearch(distinct, v[r]);
        }
        return codes;
    }

    private static void rejectMissing(Table table, int column, BitSet rows, Missing missing) {
        if (missing == Missing.ERROR && !rows.isEmpty()) {
            throw table.error(column, rows.nextSetBit(0), "missing value in column '"
                    + table.columns().get(column).name() + "' (--missing level makes missing values a level)");
        }
    }

    private static int[] ofInts(Table table, int column, Column.Ints c, Missing missing) {
        rejectMissing(table, column, c.missing(), missing);
        int[] codes = c.values().clone();
        if (!c.missing().isEmpty()) {
            int free = unusedCode(c.values(), c.missing());
            c.missing().stream().forEach(r -> codes[r] = free);
        }
        return codes;
    }

    /** An int that no present value of the column takes. */
    private static int unusedCode(int[] values, BitSet missing) {
        int[] present = new int[values.length - missing.cardinality()];
        for (int r = 0, k = 0; r < values.length; r++) {
            if (!missing.get(r)) {
                present[k++] = values[r];
            }
        }
        if (present.length == 0) {
            return 0;
        }
        Arrays.sort(present);
        if (present[present.length - 1] < Integer.MAX_VALUE) {
            return present[present.length - 1] + 1;
        }
        if (present[0] > Integer.MIN_VALUE) {
            return present[0] - 1;
        }
        for (int i = 1;; i++) { // a gap exists: fewer than 2^32 values
            if (present[i] > present[i - 1] + 1) {
                return present[i - 1] + 1;
            }
        }
    }

    private static int[] ofText(Table table, int column, Column.Text c, Missing missing) {
        rejectMissing(table, column, c.missing(), missing);
        int[] codes = c.codes().clone();
        int level = c.levels().length;
        c.missing().stream().forEach(r -> codes[r] = level);
        return codes;
    }

    private static int[] ofDoubles(Table table, int column, Column.Doubles c, int bins, Missing missing) {
        double[] v = binnable(table, column, missing);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (bins > 1 && Double.isInfinite(max - min)) {
            int at = 0;
            while (!(v[at] == max)) {
                at++;
            }
            throw table.error(column, at, "column '" + c.name() + "' spans " + min + " to " + max
                    + ": max - min overflows a double, so equal-width bins have no edges");
        }
        double[] edges = min <= max ? innerEdges(min, max, bins) : new double[0];
        int[] codes = new int[v.length];
        for (int r = 0; r < v.length; r++) {
            codes[r] = Double.isNaN(v[r]) ? bins : digitize(v[r], edges);
        }
        return codes;
    }

    /**
     * The values of a numeric column for binning, checked against the file: a missing cell or NaN is an error at
     * its place under {@link Missing#ERROR} (else NaN), an infinite value always is (no finite edges bin it).
     *
     * @param table   the table
     * @param column  the index of an integer or floating column
     * @param missing the missing-value policy
     * @return one value per row, NaN where missing (a copy)
     * @throws org.shannon4j.cli.data.DataFileException for a rejected cell, at its place in the file
     * @throws IllegalArgumentException for a text column
     */
    public static double[] binnable(Table table, int column, Missing missing) {
        Column c = table.columns().get(column);
        rejectMissing(table, column, c.missing(), missing);
        double[] v = switch (c) {
            case Column.Doubles d -> d.values().clone();
            case Column.Ints ints -> {
                double[] d = new double[ints.size()];
                for (int r = 0; r < d.length; r++) {
                    d[r] = ints.missing().get(r) ? Double.NaN : ints.values()[r];
                }
                yield d;
            }
            case Column.Text t -> throw new IllegalArgumentException("column: '" + t.name() + "' (" + column
                    + ") is text, it cannot be binned");
        };
        for (int r = 0; r < v.length; r++) {
            if (Double.isNaN(v[r]) && missing == Missing.ERROR) {
                throw table.error(column, r, "NaN in column '" + c.name()
                        + "' (--missing level makes NaN and missing values a level)");
            }
            if (Double.isInfinite(v[r])) {
                throw table.error(column, r, "infinite value in column '" + c.name()
                        + "': bins need finite values");
            }
        }
        return v;
    }

    /**
     * The codes FEAST's MATLAB and Python front ends give a column: every value floored to an int, as MIToolbox's
     * {@code normaliseArray} does ({@code (int) floor(x)}), then renumbered densely in value order ({@code
     * normaliseArray} subtracts the minimum instead: the same partition in the same order, so the same
     * information). Integer columns are their values, text columns their categories. A missing cell or NaN is an
     * error at its place unless {@link Missing#LEVEL} makes it a level of its own; an infinite value or one whose
     * floor is outside the int range (where C's cast is undefined) is always an error.
     *
     * @param table   the table
     * @param column  the column index
     * @param missing the missing-value policy
     * @return dense codes, 0 .. levels − 1
     * @throws org.shannon4j.cli.data.DataFileException for a rejected cell, at its place in the file
     */
    public static int[] floored(Table table, int column, Missing missing) {
        Column c = table.columns().get(column);
        if (!(c instanceof Column.Doubles)) {
            return dense(of(table, column, 1, missing));
        }
        double[] v = binnable(table, column, missing);
        int[] codes = new int[v.length];
        BitSet nan = new BitSet();
        for (int r = 0; r < v.length; r++) {
            double f = Math.floor(v[r]);
            if (Double.isNaN(f)) {
                nan.set(r);
            } else if (f < Integer.MIN_VALUE || f > Integer.MAX_VALUE) {
                throw table.error(column, r, "value " + v[r] + " in column '" + c.name() + "' is outside the int"
                        + " range that FEAST's (int) floor(x) handles");
            } else {
                codes[r] = (int) f;
            }
        }
        if (!nan.isEmpty()) {
            int free = unusedCode(codes, nan);
            nan.stream().forEach(r -> codes[r] = free);
        }
        return dense(codes);
    }

    /**
     * Rejects a text column that is a numeric column with a stray cell: when more than half of its present cells
     * are numbers, its first cell that is not one is an error at its place (a typo or a placeholder such as
     * {@code n/a} would otherwise turn every number into a category of its own).
     *
     * @param table  the table
     * @param column the column index (any kind; only text columns are checked)
     * @throws org.shannon4j.cli.data.DataFileException at the first non-numeric cell of a mostly numeric column
     */
    public static void rejectStrayText(Table table, int column) {
        if (!(table.columns().get(column) instanceof Column.Text c)) {
            return;
        }
        boolean[] number = new boolean[c.levels().length];
        for (int l = 0; l < number.length; l++) {
            number[l] = c.isNumber(l);
        }
        int numeric = 0;
        int present = 0;
        int first = -1;
        for (int r = 0; r < c.codes().length; r++) {
            int code = c.codes()[r];
            if (code >= 0) {
                present++;
                if (number[code]) {
                    numeric++;
                } else if (first < 0) {
                    first = r;
                }
            }
        }
        if (first >= 0 && 2L * numeric > present) {
            throw table.error(column, first, "'" + c.levels()[c.codes()[first]] + "' in column '" + c.name()
                    + "', whose other cells are numbers (" + numeric + " of " + present + "): a bad cell? (--text "
                    + c.name() + " reads the column as categories)");
        }
    }

    /**
     * Codes renumbered 0, 1, ... in increasing order of value, for consumers that want codes in [0, levels).
     *
     * @param codes any ints
     * @return the dense codes (a new array); their level count is their maximum + 1
     */
    public static int[] dense(int[] codes) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int c : codes) {
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        int[] out = new int[codes.length];
        long range = (long) max - min + 1;
        if (codes.length > 0 && range <= Math.max(1 << 16, codes.length)) {
            // a table over the value range: no sort, no boxing (a million rows x 1000 columns in seconds)
            int[] rank = new int[(int) range];
            for (int c : codes) {
                rank[c - min] = 1;
            }
            for (int v = 0, next = 0; v < rank.length; v++) {
                int present = rank[v];
                rank[v] = next;
                next += present;
            }
            for (int r = 0; r < codes.length; r++) {
                out[r] = rank[codes[r] - min];
            }
            return out;
        }
        int[] distinct = codes.clone();
        Arrays.sort(distinct);
        int m = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[m++] = distinct[i];
            }
        }
        for (int r = 0; r < codes.length; r++) {
            out[r] = Arrays.binarySearch(distinct, 0, m, codes[r]);
        }
        return out;
    }

    /**
     * numpy's {@code linspace(min, max, bins + 1)[1:-1]}, computed as numpy 1.24 does: {@code i * step + min}
     * with {@code step = (max - min) / bins} (when the step underflows to 0, {@code i / bins * (max - min) + min}).
     *
     * @param min  the smallest value
     * @param max  the largest value
     * @param bins the number of bins (≥ 1)
     * @return the {@code bins - 1} inner edges
     */
    public static double[] innerEdges(double min, double max, int bins) {
        double delta = max - min;
        double step = delta / bins;
        double[] edges = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            edges[i - 1] = (step == 0 ? (double) i / bins * delta : i * step) + min;
        }
        return edges;
    }

    /**
     * numpy's {@code digitize(x, edges)} for increasing edges, {@code right=False}: the number of edges ≤ x.
     *
     * @param x     a value (not NaN)
     * @param edges non-decreasing edges
     * @return the bin index, 0 .. edges.length
     */
    public static int digitize(double x, double[] edges) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

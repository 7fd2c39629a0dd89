package org.shannon4j.cli.data;

import java.util.BitSet;

/**
 * One column of a {@link Table}: a name, one value per row, and which rows are missing (an empty CSV cell).
 * Integer columns hold {@code int} values, floating ones {@code double}s (a missing row is NaN), text ones are
 * dictionary-encoded: a code per row into {@code levels} (a missing row is {@code -1}), levels in order of first
 * appearance.
 */
public sealed interface Column permits Column.Ints, Column.Doubles, Column.Text {

    /** What a column holds. */
    enum Kind {
        /** Every present cell is an integer in the {@code int} range. */
        INTEGER,
        /** Every present cell is a number (decimal, exponent, {@code nan}, {@code inf}). */
        FLOATING,
        /** Anything else; dictionary-encoded. */
        TEXT
    }

    /** @return the column's name (the CSV header cell, or {@code c0}, {@code c1}, ... for an .npy file) */
    String name();

    /** @return the kind of values */
    Kind kind();

    /** @return the number of rows */
    int size();

    /** @return the rows whose cell was empty (not NaN: a literal {@code nan} is a value of a floating column) */
    BitSet missing();

    /**
     * Integer column.
     *
     * @param name    the name
     * @param values  one value per row (0 where missing)
     * @param missing the missing rows
     */
    record Ints(String name, int[] values, BitSet missing) implements Column {
        @Override
        public Kind kind() {
            return Kind.INTEGER;
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /**
     * Floating column.
     *
     * @param name    the name
     * @param values  one value per row (NaN where missing)
     * @param missing the missing rows
     * @param integerLiterals whether every present cell was written as an integer (a CSV column of integers
     *     beyond the int range: pandas reads it as int64)
     * @param longs with {@code integerLiterals}, each present cell's integer as written (beyond 2^53 a double
     *     rounds it), else null
     */
    record Doubles(String name, double[] values, BitSet missing, boolean integerLiterals, long[] longs)
            implements Column {
        /**
         * A floating column of floating cells.
         *
         * @param name    the name
         * @param values  one value per row (NaN where missing)
         * @param missing the missing rows
         */
        public Doubles(String name, double[] values, BitSet missing) {
            this(name, values, missing, false, null);
        }

        @Override
        public Kind kind() {
            return Kind.FLOATING;
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /**
     * Dictionary-encoded text column.
     *
     * @param name    the name
     * @param codes   one index into {@code levels} per row ({@code -1} where missing)
     * @param levels  the distinct values, in order of first appearance
     * @param missing the missing rows
     */
    record Text(String name, int[] codes, String[] levels, BitSet missing) implements Column {
        @Override
        public Kind kind() {
            return Kind.TEXT;
        }

        @Override
        public int size() {
            return codes.length;
        }

        /**
         * @param level an index into {@link #levels()}
         * @return whether that level reads as a number in the CSV reader's syntax (a numeric column's stray
         *         text cell turns all its cells into such levels)
         */
        public boolean isNumber(int level) {
            String s = levels[level];
            return Numbers.parseDouble(s.toCharArray(), 0, s.length()) != null;
        }
    }
}

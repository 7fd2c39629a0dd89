package org.shannon4j.selection;

/**
 * What a {@link Discretizer} does with NaN values.
 */
public enum MissingValues {
    /** A NaN is an error naming the column, the row and the value (the default). */
    ERROR,
    /**
     * A NaN gets a level of its own: the level after the column's bins, added only to columns that hold a NaN.
     * Bin edges are computed from the other values; a column of NaN only has two levels,
     * the empty bin 0 and the NaN level 1 (every code 1).
     */
    OWN_LEVEL
}

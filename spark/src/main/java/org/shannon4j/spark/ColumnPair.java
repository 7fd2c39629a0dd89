package org.shannon4j.spark;

import java.io.Serializable;

/**
 * Two columns whose joint table is counted: {@code x} is the table's first variable ({@code PairCounts.cellX()}),
 * {@code y} its second.
 *
 * @param x the first column's name
 * @param y the second column's name
 */
public record ColumnPair(String x, String y) implements Serializable {

    /**
     * A pair of column names.
     *
     * @throws IllegalArgumentException if a name is null
     */
    public ColumnPair {
        if (x == null || y == null) {
            throw new IllegalArgumentException("column names must not be null: (" + x + ", " + y + ")");
        }
    }
}

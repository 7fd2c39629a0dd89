package org.shannon4j.counts;

/**
 * What every count table has: its total N, its number of non-empty cells, its byte form, and value equality
 * (same cells, same counts). Typed operations — {@code add}, {@code combine}, {@code copy}, {@code fromBytes} —
 * are on {@link LabelCounts}, {@link PairCounts} and {@link TripleCounts}.
 */
public abstract sealed class Counts permits LabelCounts, PairCounts, TripleCounts {

    final Table table;
    private final int kind;

    Counts(Table table, int kind) {
        this.table = table;
        this.kind = kind;
    }

    /**
     * N, the number of observations.
     *
     * @return N, the sum of the cell counts (0 for an empty table)
     */
    public final long total() {
        return table.total;
    }

    /**
     * The number of non-empty cells (for {@link LabelCounts}, of distinct labels).
     *
     * @return m, the number of non-empty cells (0 for an empty table)
     */
    public final int size() {
        table.flush();
        return table.size;
    }

    /**
     * The table in the versioned little-endian format of the {@linkplain org.shannon4j.counts package}: kind 1
     * for {@link LabelCounts}, 2 for {@link PairCounts}, 3 for {@link TripleCounts}.
     *
     * @return a new array of 20 + m·(4·d + 8) bytes, m = {@link #size()} and d the number of variables; read back
     *         by the subclass's {@code fromBytes}
     * @throws IllegalStateException if the table has too many cells for one byte array
     */
    public final byte[] toBytes() {
        return table.toBytes(kind);
    }

    /** Equal when of the same kind, with the same cells and counts. */
    @Override
    public final boolean equals(Object o) {
        return o instanceof Counts c && c.kind == kind && table.equals(c.table);
    }

    @Override
    public final int hashCode() {
        return table.hashCode();
    }

    /** The kind, N, the number of cells and the first few (labels)=count. */
    @Override
    public final String toString() {
        return table.describe(getClass().getSimpleName());
    }

    /**
     * The count of each non-empty cell, cells in increasing lexicographic order of their labels (a copy; each
     * ≥ 1): the order of {@code cellX()}, {@code cellY()}, {@code cellZ()} and of {@link LabelCounts#labels()}.
     *
     * @return the cell counts, {@link #size()} of them, summing to {@link #total()}
     */
    public final long[] cellCounts() {
        return countsCopy();
    }

    /** A label column of the table (a copy). */
    final int[] column(int dim) {
        table.flush();
        return table.labels[dim].clone();
    }

    /** The cell counts (a copy). */
    final long[] countsCopy() {
        table.flush();
        return table.counts.clone();
    }
}

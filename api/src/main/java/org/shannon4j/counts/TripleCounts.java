package org.shannon4j.counts;

import java.util.Objects;

import org.shannon4j.Shannon;

/**
 * The joint counts of three discrete variables X, Y, Z, keyed by their label values (any ints): a mergeable
 * table for the conditional mutual information I(X;Y|Z) ({@link Shannon#conditionalMutualInformation(TripleCounts)},
 * the same bits as the label-array method on the same samples) and, through its projections, every
 * two-variable measure. Only cells seen at least once are stored, in increasing (x, y, z) order; counts are
 * longs. See the {@linkplain org.shannon4j.counts package description} for combining, the byte format and
 * thread safety (an instance is a mutable accumulator, not thread-safe).
 */
public final class TripleCounts extends Counts {

    static final int KIND = 3;

    /** An empty table (N = 0). */
    public TripleCounts() {
        this(new Table(3));
    }

    TripleCounts(Table table) {
        super(table, KIND);
    }

    /**
     * The joint counts of the triples (x[i], y[i], z[i]), counted with the best backend's kernels
     * ({@link Shannon#countTriples(int[], int[], int[])}; exact, so every backend gives the same table).
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static TripleCounts of(int[] x, int[] y, int[] z) {
        return Shannon.get().countTriples(x, y, z);
    }

    /** The joint counts of (x[xOffset+i], y[yOffset+i], z[zOffset+i]), i &lt; length; see {@link #of(int[], int[], int[])}. */
    public static TripleCounts of(int[] x, int xOffset, int[] y, int yOffset, int[] z, int zOffset, int length) {
        return Shannon.get().countTriples(x, xOffset, y, yOffset, z, zOffset, length);
    }

    /**
     * The table with {@code counts[i]} observations of (x[i], y[i], z[i]), cells in any order: repeated cells
     * are added, zero counts dropped.
     *
     * @throws IllegalArgumentException if the lengths differ, a count is negative or the total exceeds
     *                                  Long.MAX_VALUE
     */
    public static TripleCounts ofCells(int[] x, int[] y, int[] z, long[] counts) {
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(y, "y must not be null");
        Objects.requireNonNull(z, "z must not be null");
        Objects.requireNonNull(counts, "counts must not be null");
        if (x.length != counts.length || y.length != counts.length || z.length != counts.length) {
            throw new IllegalArgumentException("x.length = " + x.length + ", y.length = " + y.length + ", z.length = "
                    + z.length + " and counts.length = " + counts.length + " must be equal: one count per cell");
        }
        return new TripleCounts(Table.ofCells(3, new int[][] {x, y, z}, counts, counts.length));
    }

    /** One more observation of (x, y, z); returns this. @throws ArithmeticException if N would overflow */
    public TripleCounts add(int x, int y, int z) {
        table.add(x, y, z, 1);
        return this;
    }

    /**
     * {@code count} more observations of (x, y, z); returns this.
     *
     * @throws IllegalArgumentException if count &lt; 0
     * @throws ArithmeticException      if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public TripleCounts add(int x, int y, int z, long count) {
        table.add(x, y, z, count);
        return this;
    }

    /** Adds the triples (x[i], y[i], z[i]); returns this. */
    public TripleCounts addAll(int[] x, int[] y, int[] z) {
        return combine(of(x, y, z));
    }

    /** Adds the triples (x[xOffset+i], y[yOffset+i], z[zOffset+i]), i &lt; length; returns this. */
    public TripleCounts addAll(int[] x, int xOffset, int[] y, int yOffset, int[] z, int zOffset, int length) {
        return combine(of(x, xOffset, y, yOffset, z, zOffset, length));
    }

    /**
     * Adds the counts of {@code other} to this (label sets merged; {@code other} unchanged) and returns this, as
     * Apache Commons Statistics' {@code combine}. Exact, in any order or tree.
     *
     * @throws ArithmeticException if the total would exceed Long.MAX_VALUE (this is then unchanged)
     */
    public TripleCounts combine(TripleCounts other) {
        table.combine(Objects.requireNonNull(other, "other must not be null").table);
        return this;
    }

    /** The x label of each non-empty cell, cells in increasing (x, y, z) order (a copy). */
    public int[] cellX() {
        return column(0);
    }

    /** The y label of each non-empty cell, in the order of {@link #cellX()} (a copy). */
    public int[] cellY() {
        return column(1);
    }

    /** The z label of each non-empty cell, in the order of {@link #cellX()} (a copy). */
    public int[] cellZ() {
        return column(2);
    }

    /** The count of the cell (x, y, z), 0 if never seen. */
    public long count(int x, int y, int z) {
        return table.count(x, y, z);
    }

    /** The joint counts of (X, Y), Z summed out (a new table). */
    public PairCounts xy() {
        return new PairCounts(table.project(0, 1));
    }

    /** The joint counts of (X, Z), Y summed out (a new table). */
    public PairCounts xz() {
        return new PairCounts(table.project(0, 2));
    }

    /** The joint counts of (Y, Z), X summed out (a new table). */
    public PairCounts yz() {
        return new PairCounts(table.project(1, 2));
    }

    /** The marginal counts of Z, the condition of I(X;Y|Z) (a new table). */
    public LabelCounts z() {
        return new LabelCounts(table.project(2));
    }

    /** An independent copy. */
    public TripleCounts copy() {
        return new TripleCounts(table.copy());
    }

    /**
     * The table written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException naming the byte offset, for bytes that are not a valid kind-3 table
     */
    public static TripleCounts fromBytes(byte[] bytes) {
        return new TripleCounts(Table.fromBytes(bytes, KIND));
    }
}

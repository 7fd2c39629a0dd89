package org.shannon4j.counts;

import java.util.Objects;

import org.shannon4j.Shannon;
import org.shannon4j.dependence.Dependence;

/**
 * The joint counts of three discrete variables X, Y, Z, keyed by their label values (any ints): a mergeable
 * table for the conditional mutual information I(X;Y|Z)
 * ({@link Dependence#conditionalMutualInformation(TripleCounts)}, the same bits as the label-array method on the same samples) and, through its projections, every
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
     * ({@link Dependence#countTriples(int[], int[], int[])}; exact, so every backend gives the same table).
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @param z labels of Z (the condition of I(X;Y|Z)), paired with x and y by index
     * @return a new table of the non-empty (x, y, z) cells and their counts, N = x.length
     * @throws IllegalArgumentException if the lengths differ
     */
    public static TripleCounts of(int[] x, int[] y, int[] z) {
        return Shannon.get().dependence().countTriples(x, y, z);
    }

    /**
     * The joint counts of (x[xOffset+i], y[yOffset+i], z[zOffset+i]), i &lt; length; see
     * {@link #of(int[], int[], int[])}.
     *
     * @param x labels of X, one per sample
     * @param xOffset index of the first label of x
     * @param y labels of Y, paired with x by index
     * @param yOffset index of the first label of y
     * @param z labels of Z (the condition of I(X;Y|Z)), paired with x and y by index
     * @param zOffset index of the first label of z
     * @param length number of triples read (≥ 0; 0 gives an empty table)
     * @return a new table of the non-empty (x, y, z) cells read and their counts, N = length
     * @throws IndexOutOfBoundsException if a range does not fit in its array
     */
    public static TripleCounts of(int[] x, int xOffset, int[] y, int yOffset, int[] z, int zOffset, int length) {
        return Shannon.get().dependence().countTriples(x, xOffset, y, yOffset, z, zOffset, length);
    }

    /**
     * The table with {@code counts[i]} observations of (x[i], y[i], z[i]), cells in any order: repeated cells
     * are added, zero counts dropped.
     *
     * @param x the x label of each cell, any ints
     * @param y the y label of each cell, paired with x by index
     * @param z the z label of each cell, paired with x and y by index
     * @param counts the number of observations of (x[i], y[i], z[i]), one per cell (≥ 0)
     * @return a new table, N = Σ counts
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

    /**
     * One more observation of (x, y, z); returns this.
     *
     * @param x the label of X observed, any int
     * @param y the label of Y observed with it, any int
     * @param z the label of Z (the condition) observed with them, any int
     * @return this table
     * @throws ArithmeticException if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public TripleCounts add(int x, int y, int z) {
        table.add(x, y, z, 1);
        return this;
    }

    /**
     * {@code count} more observations of (x, y, z); returns this.
     *
     * @param x the label of X observed, any int
     * @param y the label of Y observed with it, any int
     * @param z the label of Z (the condition) observed with them, any int
     * @param count the number of observations to add (≥ 0; 0 changes nothing)
     * @return this table
     * @throws IllegalArgumentException if count &lt; 0
     * @throws ArithmeticException      if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public TripleCounts add(int x, int y, int z, long count) {
        table.add(x, y, z, count);
        return this;
    }

    /**
     * Adds the triples (x[i], y[i], z[i]) (counted as {@link #of(int[], int[], int[])} does); returns this.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @param z labels of Z (the condition), paired with x and y by index
     * @return this table
     * @throws IllegalArgumentException if the lengths differ
     * @throws ArithmeticException      if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public TripleCounts addAll(int[] x, int[] y, int[] z) {
        return combine(of(x, y, z));
    }

    /**
     * Adds the triples (x[xOffset+i], y[yOffset+i], z[zOffset+i]), i &lt; length; returns this.
     *
     * @param x labels of X, one per sample
     * @param xOffset index of the first label of x
     * @param y labels of Y, paired with x by index
     * @param yOffset index of the first label of y
     * @param z labels of Z (the condition), paired with x and y by index
     * @param zOffset index of the first label of z
     * @param length number of triples read (≥ 0)
     * @return this table
     * @throws IndexOutOfBoundsException if a range does not fit in its array
     * @throws ArithmeticException       if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public TripleCounts addAll(int[] x, int xOffset, int[] y, int yOffset, int[] z, int zOffset, int length) {
        return combine(of(x, xOffset, y, yOffset, z, zOffset, length));
    }

    /**
     * Adds the counts of {@code other} to this (label sets merged; {@code other} unchanged) and returns this, as
     * Apache Commons Statistics' {@code combine}. Exact, in any order or tree.
     *
     * @param other the joint counts of another part of the sample, same variable order (not changed)
     * @return this table, now holding the counts of both
     * @throws ArithmeticException if the total would exceed Long.MAX_VALUE (this is then unchanged)
     */
    public TripleCounts combine(TripleCounts other) {
        table.combine(Objects.requireNonNull(other, "other must not be null").table);
        return this;
    }

    /**
     * The x label of each non-empty cell, cells in increasing (x, y, z) order (a copy).
     *
     * @return the x labels, {@link #size()} of them, non-decreasing
     */
    public int[] cellX() {
        return column(0);
    }

    /**
     * The y label of each non-empty cell, in the order of {@link #cellX()} (a copy).
     *
     * @return the y labels, {@link #size()} of them, non-decreasing within each run of equal x
     */
    public int[] cellY() {
        return column(1);
    }

    /**
     * The z label of each non-empty cell, in the order of {@link #cellX()} (a copy).
     *
     * @return the z labels, {@link #size()} of them, increasing within each run of equal (x, y)
     */
    public int[] cellZ() {
        return column(2);
    }

    /**
     * The count of the cell (x, y, z), 0 if never seen.
     *
     * @param x the label of X, any int
     * @param y the label of Y, any int
     * @param z the label of Z, any int
     * @return the number of observations of (x, y, z) (≥ 0)
     */
    public long count(int x, int y, int z) {
        return table.count(x, y, z);
    }

    /**
     * The joint counts of (X, Y), Z summed out (a new table).
     *
     * @return the joint counts of X (first variable) and Y; same N
     */
    public PairCounts xy() {
        return new PairCounts(table.project(0, 1));
    }

    /**
     * The joint counts of (X, Z), Y summed out (a new table).
     *
     * @return the joint counts of X (first variable) and Z; same N
     */
    public PairCounts xz() {
        return new PairCounts(table.project(0, 2));
    }

    /**
     * The joint counts of (Y, Z), X summed out (a new table).
     *
     * @return the joint counts of Y (first variable) and Z; same N
     */
    public PairCounts yz() {
        return new PairCounts(table.project(1, 2));
    }

    /**
     * The marginal counts of Z, the condition of I(X;Y|Z) (a new table).
     *
     * @return the counts of the z labels, X and Y summed out; same N
     */
    public LabelCounts z() {
        return new LabelCounts(table.project(2));
    }

    /**
     * An independent copy.
     *
     * @return a new table with the same counts, sharing no state with this one
     */
    public TripleCounts copy() {
        return new TripleCounts(table.copy());
    }

    /**
     * The table written by {@link #toBytes()}.
     *
     * @param bytes a kind-3 table in the byte format of the {@linkplain org.shannon4j.counts package}, nothing
     *              before or after it
     * @return a new table equal to the one written
     * @throws IllegalArgumentException naming the byte offset, for bytes that are not a valid kind-3 table
     */
    public static TripleCounts fromBytes(byte[] bytes) {
        return new TripleCounts(Table.fromBytes(bytes, KIND));
    }
}

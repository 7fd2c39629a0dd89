package org.shannon4j.counts;

import java.util.Objects;

import org.shannon4j.Shannon;
import org.shannon4j.dependence.Dependence;

/**
 * The joint counts of two discrete variables X and Y, keyed by their label values (any ints): a mergeable
 * contingency table from which every two-variable measure of {@link Dependence} is computed (mutual information
 * with any {@link org.shannon4j.dependence.Estimator}, joint and conditional entropy, NMI, AMI, expected MI, variation of
 * information, the G-test) — with the same bits as the label-array methods on the same samples. Only cells seen
 * at least once are stored, in increasing (x, y) order; counts are longs. See the
 * {@linkplain org.shannon4j.counts package description} for combining, the byte format and thread safety (an
 * instance is a mutable accumulator, not thread-safe).
 */
public final class PairCounts extends Counts {

    static final int KIND = 2;

    /** An empty table (N = 0). */
    public PairCounts() {
        this(new Table(2));
    }

    PairCounts(Table table) {
        super(table, KIND);
    }

    /**
     * The joint counts of the pairs (x[i], y[i]), counted with the best backend's kernels
     * ({@link Dependence#countPairs(int[], int[])}; counting is exact, so every backend gives the same table).
     *
     * @param x labels of X, one per sample (the table's first variable)
     * @param y labels of Y, paired with x by index
     * @return a new table of the non-empty (x, y) cells and their counts, N = x.length
     * @throws IllegalArgumentException if the lengths differ
     */
    public static PairCounts of(int[] x, int[] y) {
        return Shannon.get().dependence().countPairs(x, y);
    }

    /**
     * The joint counts of (x[xOffset+i], y[yOffset+i]), i &lt; length; see {@link #of(int[], int[])}.
     *
     * @param x labels of X, one per sample (the table's first variable)
     * @param xOffset index of the first label of x
     * @param y labels of Y, paired with x by index
     * @param yOffset index of the first label of y
     * @param length number of pairs read (≥ 0; 0 gives an empty table)
     * @return a new table of the non-empty (x, y) cells read and their counts, N = length
     * @throws IndexOutOfBoundsException if a range does not fit in its array
     */
    public static PairCounts of(int[] x, int xOffset, int[] y, int yOffset, int length) {
        return Shannon.get().dependence().countPairs(x, xOffset, y, yOffset, length);
    }

    /**
     * The table with {@code counts[i]} observations of (x[i], y[i]), cells in any order: repeated cells are
     * added, zero counts dropped.
     *
     * @param x the x label of each cell, any ints
     * @param y the y label of each cell, paired with x by index
     * @param counts the number of observations of (x[i], y[i]), one per cell (≥ 0)
     * @return a new table, N = Σ counts
     * @throws IllegalArgumentException if the lengths differ, a count is negative or the total exceeds
     *                                  Long.MAX_VALUE
     */
    public static PairCounts ofCells(int[] x, int[] y, long[] counts) {
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(y, "y must not be null");
        Objects.requireNonNull(counts, "counts must not be null");
        if (x.length != counts.length || y.length != counts.length) {
            throw new IllegalArgumentException("x.length = " + x.length + ", y.length = " + y.length
                    + " and counts.length = " + counts.length + " must be equal: one count per cell");
        }
        return new PairCounts(Table.ofCells(2, new int[][] {x, y}, counts, counts.length));
    }

    /**
     * One more observation of (x, y); returns this.
     *
     * @param x the label of X observed, any int
     * @param y the label of Y observed with it, any int
     * @return this table
     * @throws ArithmeticException if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public PairCounts add(int x, int y) {
        table.add(x, y, 0, 1);
        return this;
    }

    /**
     * {@code count} more observations of (x, y); returns this.
     *
     * @param x the label of X observed, any int
     * @param y the label of Y observed with it, any int
     * @param count the number of observations to add (≥ 0; 0 changes nothing)
     * @return this table
     * @throws IllegalArgumentException if count &lt; 0
     * @throws ArithmeticException      if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public PairCounts add(int x, int y, long count) {
        table.add(x, y, 0, count);
        return this;
    }

    /**
     * Adds the pairs (x[i], y[i]) (counted as {@link #of(int[], int[])} does); returns this.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @return this table
     * @throws IllegalArgumentException if the lengths differ
     * @throws ArithmeticException      if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public PairCounts addAll(int[] x, int[] y) {
        return combine(of(x, y));
    }

    /**
     * Adds the pairs (x[xOffset+i], y[yOffset+i]), i &lt; length; returns this.
     *
     * @param x labels of X, one per sample
     * @param xOffset index of the first label of x
     * @param y labels of Y, paired with x by index
     * @param yOffset index of the first label of y
     * @param length number of pairs read (≥ 0)
     * @return this table
     * @throws IndexOutOfBoundsException if a range does not fit in its array
     * @throws ArithmeticException       if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public PairCounts addAll(int[] x, int xOffset, int[] y, int yOffset, int length) {
        return combine(of(x, xOffset, y, yOffset, length));
    }

    /**
     * Adds the counts of {@code other} to this (label sets merged; {@code other} unchanged) and returns this, as
     * Apache Commons Statistics' {@code combine}. Exact: combining the tables of the parts of a sample, in any
     * order or tree, gives the table of the whole.
     *
     * @param other the joint counts of another part of the sample, same variable order (not changed)
     * @return this table, now holding the counts of both
     * @throws ArithmeticException if the total would exceed Long.MAX_VALUE (this is then unchanged)
     */
    public PairCounts combine(PairCounts other) {
        table.combine(Objects.requireNonNull(other, "other must not be null").table);
        return this;
    }

    /**
     * The x label of each non-empty cell, cells in increasing (x, y) order (a copy).
     *
     * @return the x labels, {@link #size()} of them, non-decreasing
     */
    public int[] cellX() {
        return column(0);
    }

    /**
     * The y label of each non-empty cell, in the order of {@link #cellX()} (a copy).
     *
     * @return the y labels, {@link #size()} of them, increasing within each run of equal x
     */
    public int[] cellY() {
        return column(1);
    }

    /**
     * The count of the cell (x, y), 0 if never seen.
     *
     * @param x the label of X, any int
     * @param y the label of Y, any int
     * @return the number of observations of (x, y) (≥ 0)
     */
    public long count(int x, int y) {
        return table.count(x, y, 0);
    }

    /**
     * The marginal counts of X (a new table).
     *
     * @return the counts of the x labels, Y summed out; same N
     */
    public LabelCounts x() {
        return new LabelCounts(table.project(0));
    }

    /**
     * The marginal counts of Y (a new table).
     *
     * @return the counts of the y labels, X summed out; same N
     */
    public LabelCounts y() {
        return new LabelCounts(table.project(1));
    }

    /**
     * The table with X and Y swapped (a new table): H(Y|X) is {@code conditionalEntropy(counts.transpose())}.
     *
     * @return the joint counts of (Y, X): cell (y, x) holds this table's count of (x, y)
     */
    public PairCounts transpose() {
        return new PairCounts(table.project(1, 0));
    }

    /**
     * An independent copy.
     *
     * @return a new table with the same counts, sharing no state with this one
     */
    public PairCounts copy() {
        return new PairCounts(table.copy());
    }

    /**
     * The table written by {@link #toBytes()}.
     *
     * @param bytes a kind-2 table in the byte format of the {@linkplain org.shannon4j.counts package}, nothing
     *              before or after it
     * @return a new table equal to the one written
     * @throws IllegalArgumentException naming the byte offset, for bytes that are not a valid kind-2 table
     */
    public static PairCounts fromBytes(byte[] bytes) {
        return new PairCounts(Table.fromBytes(bytes, KIND));
    }
}

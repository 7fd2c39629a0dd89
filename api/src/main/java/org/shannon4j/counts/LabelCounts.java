package org.shannon4j.counts;

import java.util.Objects;

import org.shannon4j.Shannon;
import org.shannon4j.dependence.Dependence;

/**
 * The counts of the values of one discrete variable, keyed by the label values themselves (any ints): a
 * mergeable accumulator for entropy and its estimators ({@link Dependence#entropy(LabelCounts)},
 * {@link Dependence#entropy(LabelCounts, org.shannon4j.dependence.Estimator)}). Counts are longs; only labels
 * seen at least once are stored. See the {@linkplain org.shannon4j.counts package description} for combining, the byte
 * format and thread safety (an instance is a mutable accumulator, not thread-safe).
 *
 * <pre>{@code
 * LabelCounts a = LabelCounts.of(part1);
 * a.combine(LabelCounts.of(part2));               // == LabelCounts.of(part1 ++ part2)
 * double h = Shannon.get().dependence().entropy(a); // == labelEntropy(part1 ++ part2), bit for bit
 * }</pre>
 */
public final class LabelCounts extends Counts {

    static final int KIND = 1;

    /** An empty table (N = 0). */
    public LabelCounts() {
        this(new Table(1));
    }

    LabelCounts(Table table) {
        super(table, KIND);
    }

    /**
     * The counts of {@code labels} (empty for an empty array), counted with the best backend's kernels
     * ({@link Dependence#countLabels(int[])}; counting is exact, so every backend gives the same table).
     *
     * @param labels the labels, any ints, one per sample
     * @return a new table of the distinct labels and their counts, N = labels.length
     */
    public static LabelCounts of(int[] labels) {
        return Shannon.get().dependence().countLabels(labels);
    }

    /**
     * The counts of {@code labels[offset ..+length)}; see {@link #of(int[])}.
     *
     * @param labels the labels, any ints, one per sample
     * @param offset index of the first label read
     * @param length number of labels read (≥ 0; 0 gives an empty table)
     * @return a new table of the distinct labels read and their counts, N = length
     * @throws IndexOutOfBoundsException if the range does not fit in {@code labels}
     */
    public static LabelCounts of(int[] labels, int offset, int length) {
        return Shannon.get().dependence().countLabels(labels, offset, length);
    }

    /**
     * The table with {@code counts[i]} observations of {@code labels[i]}, in any order: repeated labels are
     * added, zero counts dropped.
     *
     * @param labels the label of each entry, any ints, repeats allowed
     * @param counts the number of observations of {@code labels[i]}, one per label (≥ 0)
     * @return a new table, N = Σ counts
     * @throws IllegalArgumentException if the lengths differ, a count is negative or the total exceeds
     *                                  Long.MAX_VALUE
     */
    public static LabelCounts ofCounts(int[] labels, long[] counts) {
        Objects.requireNonNull(labels, "labels must not be null");
        Objects.requireNonNull(counts, "counts must not be null");
        if (labels.length != counts.length) {
            throw new IllegalArgumentException("labels.length = " + labels.length + " but counts.length = "
                    + counts.length + ": one count per label");
        }
        return new LabelCounts(Table.ofCells(1, new int[][] {labels}, counts, counts.length));
    }

    /**
     * One more observation of {@code label}; returns this.
     *
     * @param label the label observed, any int
     * @return this table
     * @throws ArithmeticException if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public LabelCounts add(int label) {
        table.add(label, 0, 0, 1);
        return this;
    }

    /**
     * {@code count} more observations of {@code label}; returns this.
     *
     * @param label the label observed, any int
     * @param count the number of observations to add (≥ 0; 0 changes nothing)
     * @return this table
     * @throws IllegalArgumentException if count &lt; 0
     * @throws ArithmeticException      if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public LabelCounts add(int label, long count) {
        table.add(label, 0, 0, count);
        return this;
    }

    /**
     * Adds every label of the array (counted as {@link #of(int[])} does); returns this.
     *
     * @param labels the labels, any ints, one per sample
     * @return this table
     * @throws ArithmeticException if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public LabelCounts addAll(int[] labels) {
        return combine(of(labels));
    }

    /**
     * Adds {@code labels[offset ..+length)}; returns this.
     *
     * @param labels the labels, any ints, one per sample
     * @param offset index of the first label read
     * @param length number of labels read (≥ 0)
     * @return this table
     * @throws IndexOutOfBoundsException if the range does not fit in {@code labels}
     * @throws ArithmeticException       if N would exceed Long.MAX_VALUE (the table is unchanged)
     */
    public LabelCounts addAll(int[] labels, int offset, int length) {
        return combine(of(labels, offset, length));
    }

    /**
     * Adds the counts of {@code other} to this (the label sets are merged; {@code other} is not changed) and
     * returns this, as Apache Commons Statistics' {@code combine}. Exact: combining the tables of the parts of
     * a sample, in any order or tree, gives the table of the whole.
     *
     * @param other the counts of another part of the sample (not changed)
     * @return this table, now holding the counts of both
     * @throws ArithmeticException if the total would exceed Long.MAX_VALUE (this is then unchanged)
     */
    public LabelCounts combine(LabelCounts other) {
        table.combine(Objects.requireNonNull(other, "other must not be null").table);
        return this;
    }

    /**
     * The distinct labels seen, in increasing order (a copy).
     *
     * @return the {@link #size()} distinct labels, strictly increasing (signed int order)
     */
    public int[] labels() {
        return column(0);
    }

    /**
     * The count of each label of {@link #labels()}, in that order (a copy; each ≥ 1).
     *
     * @return the label counts, {@link #size()} of them, summing to {@link #total()}
     */
    public long[] counts() {
        return countsCopy();
    }

    /**
     * The count of {@code label}, 0 if never seen.
     *
     * @param label the label looked up, any int
     * @return the number of observations of {@code label} (≥ 0)
     */
    public long count(int label) {
        return table.count(label, 0, 0);
    }

    /**
     * An independent copy.
     *
     * @return a new table with the same counts, sharing no state with this one
     */
    public LabelCounts copy() {
        return new LabelCounts(table.copy());
    }

    /**
     * The table written by {@link #toBytes()}.
     *
     * @param bytes a kind-1 table in the byte format of the {@linkplain org.shannon4j.counts package}, nothing
     *              before or after it
     * @return a new table equal to the one written
     * @throws IllegalArgumentException naming the byte offset, for bytes that are not a valid kind-1 table
     */
    public static LabelCounts fromBytes(byte[] bytes) {
        return new LabelCounts(Table.fromBytes(bytes, KIND));
    }
}

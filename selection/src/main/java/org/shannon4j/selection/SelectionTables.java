package org.shannon4j.selection;

import java.util.Objects;

import org.shannon4j.spi.Context;

/**
 * The count tables a greedy selection needs, from wherever they are counted: every feature's table with the
 * target, and, at each step, every remaining candidate's (candidate, selected, target) table with the feature
 * just selected. {@link FeatureSelection#select(SelectionTables, Criterion, int)} runs a selection on them; a
 * distributed implementation counts each part of the rows with {@link #of} and adds the parts' tables, and since
 * counts are integers the merged tables are exactly the whole data's, so the selection has the same features,
 * scores and bits as {@link FeatureSelection#select(DiscreteColumns, int[], Criterion, int)} on the same backend.
 *
 * <p>Layouts (dense, row-major): a feature of L levels has codes 0..L−1, the target codes 0..C−1; the table with
 * the target is {@code t[a·C + c]} (L·C cells); the table of candidate j with selected s is
 * {@code t[(a·L_s + b)·C + c]} (L_j·L_s·C cells). For the same bits as in process, L must be the in-process level
 * count (max code + 1, or the declared levels) and the classes the distinct target values in increasing order.
 */
public interface SelectionTables {

    /**
     * The number of features.
     *
     * @return the number of features, ≥ 1
     */
    int features();

    /**
     * The levels of a feature: its codes are 0..levels − 1.
     *
     * @param feature the feature index
     * @return its number of levels, ≥ 1
     */
    int levels(int feature);

    /**
     * The number of target classes C: the target's codes are 0..C − 1.
     *
     * @return C
     */
    int classes();

    /**
     * The feature's table with the target, {@code t[a·C + c]}: the rows of level a and class c.
     *
     * @param feature the feature index
     * @return levels(feature)·C counts (read, not kept or changed, by the caller)
     */
    long[] targetTable(int feature);

    /**
     * Hands the (candidate, selected, target) table of every feature j with {@code excluded[j] == false} to
     * {@code sink}, once per feature, possibly from several threads at once for different features.
     *
     * @param selected the selected feature s
     * @param excluded the features not to count (the selected ones)
     * @param sink receives each table: its first levels(j)·levels(s)·C entries, {@code t[(a·L_s + b)·C + c]},
     *             valid during the call only
     */
    void tablesGiven(int selected, boolean[] excluded, TableSink sink);

    /**
     * The feature's name, reported by {@link Selection#names()}.
     *
     * @param feature the feature index
     * @return its name; by default {@code "x" + feature}, as for unnamed {@link DiscreteColumns}
     */
    default String name(int feature) {
        return "x" + feature;
    }

    /** Receives one candidate's table. */
    @FunctionalInterface
    interface TableSink {
        /**
         * One candidate's table.
         *
         * @param feature the candidate
         * @param table its counts (see {@link SelectionTables#tablesGiven}); valid during the call only
         */
        void accept(int feature, long[] table);
    }

    /**
     * The tables of rows held in memory, counted by the selection's own engine (bitsets and popcounts for columns
     * of few levels) on the context's backend and threads: a whole data set, or one partition of a distributed
     * one. Every class code of {@code classes} must lie in [0, classCount); a part may lack some classes.
     *
     * @param context the backend and threads to count with
     * @param columns the features of these rows, with their (global) level counts
     * @param classes the dense target code of each row
     * @param classCount C, the number of target classes of the whole data
     * @return the tables of these rows
     * @throws IllegalArgumentException if classes has another length than the rows, classCount &lt; 1, or a code
     *                                  is outside [0, classCount) (naming the row and the value)
     */
    static SelectionTables of(Context context, DiscreteColumns columns, int[] classes, int classCount) {
        Objects.requireNonNull(context, "context must not be null");
        Objects.requireNonNull(columns, "columns must not be null");
        Objects.requireNonNull(classes, "classes must not be null");
        if (classes.length != columns.rows()) {
            throw new IllegalArgumentException("classes.length = " + classes.length + " but the columns have "
                    + columns.rows() + " rows");
        }
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount = " + classCount + ": must be >= 1");
        }
        for (int r = 0; r < classes.length; r++) {
            if (classes[r] < 0 || classes[r] >= classCount) {
                throw new IllegalArgumentException("classes[" + r + "] = " + classes[r] + ": class codes must be in [0, "
                        + classCount + ")");
            }
        }
        return new RowTables(new PairCounts(context.kernels(), context.parallelism(), columns, classes.clone(),
                classCount), columns);
    }
}

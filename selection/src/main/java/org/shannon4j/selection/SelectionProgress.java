package org.shannon4j.selection;

/**
 * Told of each feature as it is selected, on the thread that called
 * {@link FeatureSelection#select(DiscreteColumns, int[], Criterion, int, SelectionProgress)}: for progress reports
 * of long selections (a step over a million rows and thousands of candidates takes about a second).
 */
@FunctionalInterface
public interface SelectionProgress {

    /** Reports nothing. */
    SelectionProgress NONE = (rank, k, feature, score) -> { };

    /**
     * Feature {@code feature} was selected at step {@code rank} (from 1) of at most {@code k}.
     *
     * @param rank the step, from 1
     * @param k the number of features asked for (the selection may stop before)
     * @param feature the selected column's index
     * @param score its score at that step, in the context's unit (DISR's after the first: unitless), as in the
     *              {@link Selection}
     */
    void selected(int rank, int k, int feature, double score);
}

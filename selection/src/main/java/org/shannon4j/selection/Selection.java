package org.shannon4j.selection;

import java.util.Arrays;
import java.util.List;

import org.shannon4j.InfoUnit;

/**
 * The result of a forward greedy selection: the selected feature indices in the order they were selected, each
 * step's score (the criterion's value of the feature selected at that step) and each selected feature's relevance
 * I(X;Y), in {@link #unit()}, and why the selection ended. Step 0's score is the relevance of the first feature
 * for every criterion; DISR's later scores are sums of ratios, unitless. Immutable.
 */
public final class Selection {

    private final Criterion criterion;
    private final InfoUnit unit;
    private final int[] features;
    private final List<String> names;
    private final double[] scores;
    private final double[] relevance;
    private final StopReason stopReason;
    private final int requested;

    Selection(Criterion criterion, InfoUnit unit, int[] features, String[] names, double[] scores,
              double[] relevance, StopReason stopReason, int requested) {
        this.criterion = criterion;
        this.unit = unit;
        this.features = features;
        this.names = List.of(names);
        this.scores = scores;
        this.relevance = relevance;
        this.stopReason = stopReason;
        this.requested = requested;
    }

    /**
     * The criterion that made this selection.
     *
     * @return the criterion
     */
    public Criterion criterion() {
        return criterion;
    }

    /**
     * The unit of the scores (except DISR's unitless ones after step 0) and of the relevances.
     *
     * @return the unit
     */
    public InfoUnit unit() {
        return unit;
    }

    /**
     * Number of selected features: k, or fewer when {@link #stopReason()} is not {@link StopReason#K_REACHED}.
     *
     * @return the number of selected features
     */
    public int size() {
        return features.length;
    }

    /**
     * The k asked for.
     *
     * @return the requested number of features
     */
    public int requested() {
        return requested;
    }

    /**
     * The selected feature indices (column indices of the input), in selection order; a copy.
     *
     * @return the selected features
     */
    public int[] features() {
        return features.clone();
    }

    /**
     * The names of the selected features, paired with {@link #features()}: the names given to
     * {@link DiscreteColumns#withNames}, else {@code "x" + index}.
     *
     * @return the selected features' names, in selection order (unmodifiable)
     */
    public List<String> names() {
        return names;
    }

    /**
     * Each step's score, paired with {@link #features()}; a copy.
     *
     * @return the scores, in {@link #unit()} (DISR after step 0: unitless)
     */
    public double[] scores() {
        return scores.clone();
    }

    /**
     * I(X;Y) of each selected feature, paired with {@link #features()}; a copy.
     *
     * @return the relevances, in {@link #unit()}
     */
    public double[] relevance() {
        return relevance.clone();
    }

    /**
     * The feature selected at {@code step} (0-based).
     *
     * @param step the step, 0 ≤ step &lt; {@link #size()}
     * @return its feature index
     */
    public int feature(int step) {
        return features[step];
    }

    /**
     * The score of the feature selected at {@code step}.
     *
     * @param step the step, 0 ≤ step &lt; {@link #size()}
     * @return its score
     */
    public double score(int step) {
        return scores[step];
    }

    /**
     * I(X;Y) of the feature selected at {@code step}.
     *
     * @param step the step, 0 ≤ step &lt; {@link #size()}
     * @return its relevance, in {@link #unit()}
     */
    public double relevance(int step) {
        return relevance[step];
    }

    /**
     * Why the selection ended.
     *
     * @return the reason
     */
    public StopReason stopReason() {
        return stopReason;
    }

    @Override
    public String toString() {
        return "Selection[" + criterion + ", unit=" + unit + ", features=" + Arrays.toString(features) + ", names=" + names + ", scores="
                + Arrays.toString(scores) + ", relevance=" + Arrays.toString(relevance) + ", stop=" + stopReason + "]";
    }
}

package org.shannon4j.loss;

/**
 * How a loss turns its per-element (per-row) losses into the returned value. The losses of
 * {@link Losses#softmaxCrossEntropy}, {@link Losses#binaryCrossEntropy},
 * {@link Losses#binaryCrossEntropyWithLogits} and {@link Losses#logLoss} accept all of them.
 *
 * <p>A mean over nothing (every target ignored, or every weight 0) is 0, not NaN as in PyTorch; the number of
 * contributing elements and their weight sum are available from {@link LossResult}. The one mean with no value is
 * a non-zero sum over a weight sum of 0 (label smoothing with every target's class weight 0): an
 * {@link IllegalArgumentException}.
 */
public enum Reduction {
    /**
     * No reduction: the per-element losses (already weighted) are written into a caller-provided array, and the
     * method returns their sum. Ignored rows get 0.
     */
    NONE,
    /** The sum of the weighted per-element losses. */
    SUM,
    /**
     * The mean as PyTorch defines it for that loss: for class-index targets the weighted mean
     * Σ w[yᵢ]·lᵢ / Σ w[yᵢ] over the non-ignored rows ({@link #MEAN_BY_WEIGHT}); for probability targets and the
     * binary losses the sum divided by the number of rows or elements ({@link #MEAN_BY_COUNT}). Each method's
     * Javadoc names which one it is.
     */
    MEAN,
    /**
     * The sum of weighted losses divided by the sum of the weights of the contributing elements (scikit-learn's
     * weighted mean; PyTorch's default for class-index targets). Without weights it equals {@link #MEAN_BY_COUNT}.
     */
    MEAN_BY_WEIGHT,
    /** The sum of weighted losses divided by the number of contributing (non-ignored) elements. */
    MEAN_BY_COUNT
}

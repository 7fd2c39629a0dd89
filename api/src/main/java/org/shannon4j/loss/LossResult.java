package org.shannon4j.loss;

/**
 * A reduced loss together with what it was reduced over, for callers that need the denominator of a mean
 * (e.g. to combine batches exactly, or to tell "every target ignored" from a loss of 0).
 *
 * @param value     the reduced loss in the handle's unit (for {@link Reduction#NONE}: the sum)
 * @param sum       the sum of the weighted per-element losses, in the handle's unit
 * @param weightSum the sum of the weights of the contributing elements (for class-index targets Σ w[yᵢ] over
 *                  the non-ignored rows; equal to {@code count} without weights)
 * @param count     the number of contributing elements (rows whose target is not ignored)
 */
public record LossResult(double value, double sum, double weightSum, long count) {
}

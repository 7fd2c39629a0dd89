/**
 * The losses of machine learning: cross-entropy measured between predictions and targets, as training code
 * computes it. {@link org.shannon4j.loss.Losses} is the entry type, obtained from a handle with
 * {@code Shannon.get().losses()} (or {@link org.shannon4j.loss.Losses#of(org.shannon4j.spi.Context)}) and bound
 * to its backend, unit and normalisation policy:
 * <ul>
 *   <li>softmax cross-entropy from logits, with class-index or probability targets, per-row losses, a
 *       {@link org.shannon4j.loss.LossResult} (sum, weight sum, count) and the gradient with respect to the
 *       logits ({@code torch.nn.functional.cross_entropy});</li>
 *   <li>binary cross-entropy from probabilities and from logits, with per-element weights and
 *       {@code pos_weight} ({@code binary_cross_entropy}, {@code binary_cross_entropy_with_logits});</li>
 *   <li>categorical log loss on probabilities with per-sample weights (scikit-learn's {@code log_loss}).</li>
 * </ul>
 * Options are immutable values ({@link org.shannon4j.loss.SoftmaxLossOptions},
 * {@link org.shannon4j.loss.LossOptions}) and {@link org.shannon4j.loss.Reduction} says how per-element losses
 * are reduced.
 *
 * <h2>Conventions against PyTorch and scikit-learn</h2>
 * The semantics PyTorch chose deliberately are kept: the class-index mean is Σ w[yᵢ]·ℓᵢ / Σ w[yᵢ] over the
 * non-ignored rows; label smoothing gives every class ε/C, the target too, each smoothed class weighted by its own
 * weight while the mean still divides by Σ w[yᵢ]; {@code pos_weight} multiplies only the positive term;
 * probability-target and binary means divide by the number of rows or elements, while scikit-learn's weighted log
 * loss divides by Σ wᵢ ({@link org.shannon4j.loss.Reduction#MEAN_BY_WEIGHT} and
 * {@link org.shannon4j.loss.Reduction#MEAN_BY_COUNT} name either explicitly). Its accidents are not copied: no
 * log is clamped at −100 (a zero probability of an observed outcome is +∞ unless a clipping ε is asked for); a
 * mean over nothing is 0, not NaN, with the count in {@link org.shannon4j.loss.LossResult}; a term of weight or
 * target 0 is 0 even on an infinite log; softplus and log-sum-exp are computed in forms that keep small losses
 * exact for large logits. Log-loss rows must sum to 1 under {@code Normalization.REQUIRE} and are divided by their
 * sum under {@code NORMALIZE} (scikit-learn's behaviour). Results, per-element outputs and gradients are in the
 * context's unit (nats by default). Bad input gives an {@link java.lang.IllegalArgumentException} naming the
 * argument, the index and the value, never a NaN.
 *
 * <h2>Where a new loss goes</h2>
 * A new loss is one static method in LossMeasures plus its overloads in {@code Losses}; no other file.
 * LossMeasures (package-private) writes each loss once for {@code double[]} and {@code float[]}: the argument
 * checks, the kernel call, the reduction, the unit and the message naming the first bad element; the loops
 * themselves are the backend's loss kernels ({@link org.shannon4j.spi.Kernels}).
 */
package org.shannon4j.loss;

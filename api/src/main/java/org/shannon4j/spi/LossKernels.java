package org.shannon4j.spi;

/**
 * The loss kernels: softmax cross-entropy (class-index and probability targets), binary cross-entropy (on
 * probabilities and on logits) and log loss, in nats. They follow the contract written on {@link Kernels};
 * their {@code aux} arrays have at least {@link DistributionKernels#AUX_LENGTH} elements. Every method's default
 * is the reference row-wise loop of {@link LossMath} ({@code Math.exp}/{@code log1p}, two accumulators per row,
 * compensated row sums).
 *
 * <p>Where a new kernel goes: one default method in its family interface, implemented by the reference code;
 * a backend overrides it only where it vectorises it; the conformance suite picks it up.
 */
public interface LossKernels {

    // Shared contract of the loss kernels, in addition to the one on Kernels (which they follow for ranges,
    // threads, and NaN as the "invalid input" signal):
    //  * Matrices are row-major: row r, class c of a (offset, rows, classes) matrix is at offset + r*classes + c.
    //  * Every loss is in nats. Per-row (per-element) losses, if the rowLosses array is not null, are written
    //    at rowOffset + r, already weighted; ignored rows get 0. The return value is the sum of those losses.
    //  * Gradients, if the grad array is not null, are written at gradOffset + r*classes + c, multiplied by
    //    gradScale; ignored rows get 0.
    //  * Outputs may be partially written when the kernel returns NaN.
    //  * With more than one thread (or deterministic parallelism) the facade calls the softmax kernels on parts of
    //    whole rows starting at multiples of Parallelism.ROW_ALIGN (64) rows from the caller's first row and adds
    //    the part sums itself: for per-row losses and gradients with the bits of one call, a row's values may
    //    depend on the other rows of a call only through blocks aligned to a divisor of 64 rows from the call's
    //    first row.

    /** {@code aux} index of the weight sum of the contributing rows (Σ w[y] for class-index targets). */
    int LOSS_WEIGHT_SUM = 0;
    /** {@code aux} index of the number of contributing (non-ignored) rows, as a double. */
    int LOSS_COUNT = 1;
    /** {@code aux} index of max over rows of |Σ row − 1| (log loss, before clipping). */
    int LOSS_ROW_SUM_ERROR = 2;

    /**
     * Softmax cross-entropy with class-index targets, per row r with target y = targets[targetOffset + r]:
     * with m = max z, S' = Σ_{c ≠ argmax} exp(z_c − m) and ln S = log1p(S') (so ln Σ exp(z − m) stays exact
     * when the target dominates), the row loss is Σ_c a_c·((m − z_c) + ln S) where a_c = (1 − ε)·w[y]·[c = y]
     * + (ε/C)·w[c] (w = 1 if {@code classWeights} is null, ε = {@code smoothing}); terms with a_c = 0 are 0
     * even if z_c = −∞. The gradient is A·softmax(z)_c − a_c with A = Σ a_c. Rows with y == ignoreIndex
     * contribute nothing and are not read. Writes Σ w[y] and the count of contributing rows to aux.
     * Returns NaN if a read logit is NaN or +∞, a row is all −∞, or a target is outside [0, classes) and not
     * ignoreIndex.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param ignoreIndex target value whose rows are skipped
     * @param classWeights per-class weights, or null for 1
     * @param smoothing label smoothing ε in [0, 1]
     * @param rowLosses per-row losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @param gradScale factor applied to every gradient element (e.g. 1/N for a mean)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the row losses; NaN for invalid input
     */
    default double softmaxCrossEntropy(double[] logits, int offset, int rows, int classes, int[] targets,
            int targetOffset, int ignoreIndex, double[] classWeights, double smoothing, double[] rowLosses,
            int rowOffset, double[] grad, int gradOffset, double gradScale, double[] aux) {
        return LossMath.softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, ignoreIndex,
                classWeights, smoothing, rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    /**
     * Float logits (read as float, computed in double), float outputs.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param ignoreIndex target value whose rows are skipped
     * @param classWeights per-class weights, or null for 1
     * @param smoothing label smoothing ε in [0, 1]
     * @param rowLosses per-row losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @param gradScale factor applied to every gradient element (e.g. 1/N for a mean)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the row losses; NaN for invalid input
     */
    default double softmaxCrossEntropy(float[] logits, int offset, int rows, int classes, int[] targets,
            int targetOffset, int ignoreIndex, double[] classWeights, double smoothing, float[] rowLosses,
            int rowOffset, float[] grad, int gradOffset, double gradScale, double[] aux) {
        return LossMath.softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, ignoreIndex,
                classWeights, smoothing, rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    /**
     * Softmax cross-entropy with probability targets q (a rows × classes matrix at targetOffset, not required
     * to sum to 1): as the class-index form with a_c = w[c]·((1 − ε)·q_c + ε/C). Writes Σ_r A_r to
     * aux[LOSS_WEIGHT_SUM] and rows to aux[LOSS_COUNT]. Returns NaN also if a target is negative, NaN or ∞.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param classWeights per-class weights, or null for 1
     * @param smoothing label smoothing ε in [0, 1]
     * @param rowLosses per-row losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @param gradScale factor applied to every gradient element (e.g. 1/N for a mean)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the row losses; NaN for invalid input
     */
    default double softmaxCrossEntropyProbs(double[] logits, int offset, int rows, int classes, double[] targets,
            int targetOffset, double[] classWeights, double smoothing, double[] rowLosses, int rowOffset,
            double[] grad, int gradOffset, double gradScale, double[] aux) {
        return LossMath.softmaxCrossEntropyProbs(logits, offset, rows, classes, targets, targetOffset, classWeights,
                smoothing, rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    /**
     * Float logits and targets (computed in double), float outputs.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param classWeights per-class weights, or null for 1
     * @param smoothing label smoothing ε in [0, 1]
     * @param rowLosses per-row losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @param gradScale factor applied to every gradient element (e.g. 1/N for a mean)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the row losses; NaN for invalid input
     */
    default double softmaxCrossEntropyProbs(float[] logits, int offset, int rows, int classes, float[] targets,
            int targetOffset, double[] classWeights, double smoothing, float[] rowLosses, int rowOffset, float[] grad,
            int gradOffset, double gradScale, double[] aux) {
        return LossMath.softmaxCrossEntropyProbs(logits, offset, rows, classes, targets, targetOffset, classWeights,
                smoothing, rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    /**
     * Σ wᵢ·−(yᵢ·ln pᵢ + (1 − yᵢ)·ln(1 − pᵢ)), ln(1 − p) as log1p(−p), a term with a zero factor (y = 0, y = 1 or
     * w = 0) being 0; p clipped to [eps, 1 − eps] first when eps &gt; 0. p = 0 with y &gt; 0 (or p = 1 with
     * y &lt; 1) gives +∞. {@code weights} (PyTorch's per-element {@code weight}) may be null: all 1. Writes Σ w
     * (the length if unweighted) to aux[LOSS_WEIGHT_SUM] and the length to aux[LOSS_COUNT]. Returns NaN if a
     * target or probability is outside [0, 1] or NaN, or a weight is negative, NaN or infinite.
     *
     * @param targets the targets, in [0, 1]
     * @param targetOffset index of the first target
     * @param probs predicted probabilities, in [0, 1]
     * @param probOffset index of the first probability
     * @param weights per-element weights (PyTorch's {@code weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when weights is null)
     * @param length number of elements read
     * @param eps clipping epsilon (0: no clipping)
     * @param losses per-element weighted losses wᵢ·ℓᵢ are written here when not null
     * @param lossOffset index in losses of the first loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w and the count
     * @return the sum of the weighted terms; NaN for invalid input
     */
    default double binaryCrossEntropy(double[] targets, int targetOffset, double[] probs, int probOffset,
            double[] weights, int weightOffset, int length, double eps, double[] losses, int lossOffset,
            double[] aux) {
        return LossMath.binaryCrossEntropy(targets, targetOffset, probs, probOffset, weights, weightOffset, length, eps,
                losses, lossOffset, aux);
    }

    /**
     * Float input and weights, double computation, float outputs.
     *
     * @param targets the targets, in [0, 1]
     * @param targetOffset index of the first target
     * @param probs predicted probabilities, in [0, 1]
     * @param probOffset index of the first probability
     * @param weights per-element weights (PyTorch's {@code weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when weights is null)
     * @param length number of elements read
     * @param eps clipping epsilon (0: no clipping)
     * @param losses per-element weighted losses wᵢ·ℓᵢ are written here when not null
     * @param lossOffset index in losses of the first loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w and the count
     * @return the sum of the weighted terms; NaN for invalid input
     */
    default double binaryCrossEntropy(float[] targets, int targetOffset, float[] probs, int probOffset,
            float[] weights, int weightOffset, int length, double eps, float[] losses, int lossOffset, double[] aux) {
        return LossMath.binaryCrossEntropy(targets, targetOffset, probs, probOffset, weights, weightOffset, length, eps,
                losses, lossOffset, aux);
    }

    /**
     * Σ wᵢ·(posWeight·yᵢ·softplus(−xᵢ) + (1 − yᵢ)·softplus(xᵢ)) with softplus(t) = max(t, 0) + log1p(exp(−|t|)),
     * a term with a zero factor being 0 (so x = ±∞ is allowed) — {@code torch.nn.functional
     * .binary_cross_entropy_with_logits}' combination of {@code weight} and {@code pos_weight}. Weights and aux
     * as {@link #binaryCrossEntropy(double[], int, double[], int, double[], int, int, double, double[], int, double[])}.
     * Returns NaN if a target is outside [0, 1], a logit is NaN, or a weight is negative, NaN or infinite.
     *
     * @param targets the targets, in [0, 1]
     * @param targetOffset index of the first target
     * @param logits the logits, one per target
     * @param logitOffset index of the first logit
     * @param weights per-element weights (PyTorch's {@code weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when weights is null)
     * @param length number of elements read
     * @param posWeight weight of the positive term (PyTorch's {@code pos_weight})
     * @param losses per-element weighted losses wᵢ·ℓᵢ are written here when not null
     * @param lossOffset index in losses of the first loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w and the count
     * @return the sum of the weighted terms; NaN for invalid input
     */
    default double binaryCrossEntropyWithLogits(double[] targets, int targetOffset, double[] logits, int logitOffset,
            double[] weights, int weightOffset, int length, double posWeight, double[] losses, int lossOffset,
            double[] aux) {
        return LossMath.binaryCrossEntropyWithLogits(targets, targetOffset, logits, logitOffset, weights, weightOffset,
                length, posWeight, losses, lossOffset, aux);
    }

    /**
     * Float input and weights, double computation, float outputs.
     *
     * @param targets the targets, in [0, 1]
     * @param targetOffset index of the first target
     * @param logits the logits, one per target
     * @param logitOffset index of the first logit
     * @param weights per-element weights (PyTorch's {@code weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when weights is null)
     * @param length number of elements read
     * @param posWeight weight of the positive term (PyTorch's {@code pos_weight})
     * @param losses per-element weighted losses wᵢ·ℓᵢ are written here when not null
     * @param lossOffset index in losses of the first loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w and the count
     * @return the sum of the weighted terms; NaN for invalid input
     */
    default double binaryCrossEntropyWithLogits(float[] targets, int targetOffset, float[] logits, int logitOffset,
            float[] weights, int weightOffset, int length, double posWeight, float[] losses, int lossOffset,
            double[] aux) {
        return LossMath.binaryCrossEntropyWithLogits(targets, targetOffset, logits, logitOffset, weights, weightOffset,
                length, posWeight, losses, lossOffset, aux);
    }

    /**
     * Σ_r w_r·−ln(p'[r, y_r]) where p' is the row clipped to [eps, 1 − eps] (when eps &gt; 0) and divided by its
     * sum; computed as −log1p(−others/S) when p'_y ≥ ½, with others the sum of the row's other entries, so that
     * confident rows keep their small loss exact. {@code sampleWeights} (scikit-learn's {@code sample_weight})
     * may be null: all 1; a row with weight 0 contributes 0. Writes Σ w (rows if unweighted) to
     * aux[LOSS_WEIGHT_SUM], rows to aux[LOSS_COUNT] and max_r |Σ row − 1| of the unclipped rows to
     * aux[LOSS_ROW_SUM_ERROR]. Returns NaN if a probability is negative, NaN or ∞, a target is outside
     * [0, classes), a row sums to 0, or a weight is negative, NaN or infinite.
     *
     * @param probs predicted probabilities, row-major rows × classes
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets, one class index per row
     * @param targetOffset index of the first target
     * @param sampleWeights per-row weights (scikit-learn's {@code sample_weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when sampleWeights is null)
     * @param eps clipping epsilon (0: no clipping)
     * @param rowLosses per-row weighted losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w, the count and the row-sum error
     * @return the sum of the weighted row losses; NaN for invalid input
     */
    default double logLoss(double[] probs, int offset, int rows, int classes, int[] targets, int targetOffset,
            double[] sampleWeights, int weightOffset, double eps, double[] rowLosses, int rowOffset, double[] aux) {
        return LossMath.logLoss(probs, offset, rows, classes, targets, targetOffset, sampleWeights, weightOffset, eps,
                rowLosses, rowOffset, aux);
    }

    /**
     * Float probabilities and weights (computed in double), float outputs.
     *
     * @param probs predicted probabilities, row-major rows × classes
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets, one class index per row
     * @param targetOffset index of the first target
     * @param sampleWeights per-row weights (scikit-learn's {@code sample_weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when sampleWeights is null)
     * @param eps clipping epsilon (0: no clipping)
     * @param rowLosses per-row weighted losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w, the count and the row-sum error
     * @return the sum of the weighted row losses; NaN for invalid input
     */
    default double logLoss(float[] probs, int offset, int rows, int classes, int[] targets, int targetOffset,
            float[] sampleWeights, int weightOffset, double eps, float[] rowLosses, int rowOffset, double[] aux) {
        return LossMath.logLoss(probs, offset, rows, classes, targets, targetOffset, sampleWeights, weightOffset, eps,
                rowLosses, rowOffset, aux);
    }
}

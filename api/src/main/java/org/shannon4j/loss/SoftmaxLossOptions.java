package org.shannon4j.loss;

import java.util.Arrays;
import java.util.Objects;

/**
 * Options of {@link Losses#softmaxCrossEntropy}: class weights, ignore index, label smoothing and reduction,
 * as in {@code torch.nn.functional.cross_entropy}. Immutable and thread-safe: every setter returns a new
 * instance, so build one once and share it; values are validated when set, never per call.
 *
 * <pre>{@code
 * SoftmaxLossOptions opts = SoftmaxLossOptions.defaults()
 *         .weights(classWeights).ignoreIndex(-100).labelSmoothing(0.1).reduction(Reduction.MEAN);
 * }</pre>
 *
 * <p>Defaults: no weights (all 1), {@code ignoreIndex = -100} (PyTorch's), no label smoothing,
 * {@link Reduction#MEAN}.
 */
public final class SoftmaxLossOptions {

    /** PyTorch's default ignore index. */
    public static final int DEFAULT_IGNORE_INDEX = -100;

    private static final SoftmaxLossOptions DEFAULTS = new SoftmaxLossOptions(null, DEFAULT_IGNORE_INDEX, 0.0,
            Reduction.MEAN);

    private final double[] weights;
    private final int ignoreIndex;
    private final double labelSmoothing;
    private final Reduction reduction;

    private SoftmaxLossOptions(double[] weights, int ignoreIndex, double labelSmoothing, Reduction reduction) {
        this.weights = weights;
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
        this.reduction = reduction;
    }

    /**
     * No weights, ignore index −100, no smoothing, {@link Reduction#MEAN}.
     *
     * @return the default options
     */
    public static SoftmaxLossOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Per-class weights (PyTorch's {@code weight}); the array is copied. Each must be finite and ≥ 0; its
     * length must equal the number of classes of the call. {@code null} removes the weights.
     *
     * @param classWeights one weight per class, finite and ≥ 0 (copied)
     * @return options with those class weights
     * @throws IllegalArgumentException naming the first negative, NaN or infinite weight
     */
    public SoftmaxLossOptions weights(double[] classWeights) {
        double[] copy = null;
        if (classWeights != null) {
            copy = classWeights.clone();
            for (int c = 0; c < copy.length; c++) {
                if (!(copy[c] >= 0 && copy[c] < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("weights[" + c + "] = " + copy[c]
                            + ": class weights must be finite and >= 0");
                }
            }
        }
        return new SoftmaxLossOptions(copy, ignoreIndex, labelSmoothing, reduction);
    }

    /**
     * Class-index targets equal to this value contribute nothing (loss 0, gradient 0, not counted in a mean);
     * their logits are not read. Any int, including values inside {@code [0, classes)} (that class is then
     * ignored, as in PyTorch). Not used by probability targets.
     *
     * @param index the class index to ignore
     * @return the ignored target value
     */
    public SoftmaxLossOptions ignoreIndex(int index) {
        return new SoftmaxLossOptions(weights, index, labelSmoothing, reduction);
    }

    /**
     * Label smoothing ε in [0, 1]: the target distribution becomes (1 − ε)·target + ε/C, every class (the
     * target too) receiving ε/C, as in PyTorch.
     *
     * @param epsilon the clipping epsilon, in (0, 0.5)
     * @return the smoothing ε
     * @throws IllegalArgumentException if ε is NaN or outside [0, 1]
     */
    public SoftmaxLossOptions labelSmoothing(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("labelSmoothing = " + epsilon + ": must be in [0, 1]");
        }
        return new SoftmaxLossOptions(weights, ignoreIndex, epsilon, reduction);
    }

    /**
     * The reduction; see {@link Reduction}.
     *
     * @param reduction how per-row losses are combined
     * @return the reduction
     */
    public SoftmaxLossOptions reduction(Reduction reduction) {
        Objects.requireNonNull(reduction, "reduction must not be null");
        return new SoftmaxLossOptions(weights, ignoreIndex, labelSmoothing, reduction);
    }

    /**
     * A copy of the class weights, or {@code null} if none.
     *
     * @return options with those class weights
     */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** The shared weights array itself (never modified). */
    double[] weightsArray() {
        return weights;
    }

    /**
     * The target value whose rows contribute nothing.
     *
     * @return the ignored target value
     */
    public int ignoreIndex() {
        return ignoreIndex;
    }

    /**
     * The label smoothing ε: every class receives ε/C of the target mass.
     *
     * @return the smoothing ε
     */
    public double labelSmoothing() {
        return labelSmoothing;
    }

    /**
     * How per-row losses are combined.
     *
     * @return the reduction
     */
    public Reduction reduction() {
        return reduction;
    }

    @Override
    public String toString() {
        return "SoftmaxLossOptions[weights=" + Arrays.toString(weights) + ", ignoreIndex=" + ignoreIndex
                + ", labelSmoothing=" + labelSmoothing + ", reduction=" + reduction + "]";
    }
}

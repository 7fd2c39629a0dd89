package org.shannon4j.loss;

import java.util.Objects;

/**
 * Options of the probability-based and binary losses ({@link Losses#binaryCrossEntropy},
 * {@link Losses#binaryCrossEntropyWithLogits}, {@link Losses#logLoss}): reduction, clipping epsilon and
 * {@code posWeight}. Immutable and thread-safe: every setter returns a new instance, validated when set.
 *
 * <p>Defaults: {@link Reduction#MEAN}, <b>no clipping</b> (a probability of 0 for a class that occurred gives
 * +∞, never a silently finite number), {@code posWeight = 1}.
 */
public final class LossOptions {

    private static final LossOptions DEFAULTS = new LossOptions(Reduction.MEAN, 0.0, false, 1.0);

    private final Reduction reduction;
    private final double clipEpsilon;
    private final boolean clipToTypeEpsilon;
    private final double posWeight;

    private LossOptions(Reduction reduction, double clipEpsilon, boolean clipToTypeEpsilon, double posWeight) {
        this.reduction = reduction;
        this.clipEpsilon = clipEpsilon;
        this.clipToTypeEpsilon = clipToTypeEpsilon;
        this.posWeight = posWeight;
    }

    /**
     * {@link Reduction#MEAN}, no clipping, {@code posWeight = 1}.
     *
     * @return the default options
     */
    public static LossOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The reduction; see {@link Reduction}.
     *
     * @param reduction how per-row losses are combined
     * @return the reduction
     */
    public LossOptions reduction(Reduction reduction) {
        Objects.requireNonNull(reduction, "reduction must not be null");
        return new LossOptions(reduction, clipEpsilon, clipToTypeEpsilon, posWeight);
    }

    /**
     * Clip probabilities to [ε, 1 − ε] before taking logs (scikit-learn's {@code eps}); 0 turns clipping off.
     * Not used by {@link Losses#binaryCrossEntropyWithLogits}, which needs none.
     *
     * @param epsilon the clipping epsilon, in (0, 0.5)
     * @return options with that clipping epsilon
     * @throws IllegalArgumentException unless 0 ≤ ε &lt; 0.5
     */
    public LossOptions clip(double epsilon) {
        if (!(epsilon >= 0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("clip epsilon = " + epsilon + ": must be in [0, 0.5)");
        }
        return new LossOptions(reduction, epsilon, false, posWeight);
    }

    /**
     * Clip to the machine epsilon of the input type: 2⁻⁵² ≈ 2.2e-16 for {@code double[]}, 2⁻²³ ≈ 1.2e-7 for
     * {@code float[]} (scikit-learn's {@code eps="auto"}; never a fixed 1e-15, which is below float's
     * resolution near 1).
     *
     * @return options clipping to the machine epsilon of the input type
     */
    public LossOptions clipToTypeEpsilon() {
        return new LossOptions(reduction, 0.0, true, posWeight);
    }

    /**
     * PyTorch's {@code pos_weight} for {@link Losses#binaryCrossEntropyWithLogits}: multiplies only the
     * y·ln σ(x) term. Finite and ≥ 0.
     *
     * @param weight the positive weight, finite and ≥ 0
     * @return the positive weight
     */
    public LossOptions posWeight(double weight) {
        if (!(weight >= 0 && weight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("posWeight = " + weight + ": must be finite and >= 0");
        }
        return new LossOptions(reduction, clipEpsilon, clipToTypeEpsilon, weight);
    }

    /**
     * How per-element losses are combined.
     *
     * @return the reduction
     */
    public Reduction reduction() {
        return reduction;
    }

    /**
     * The clipping epsilon for inputs of the given type (0: none).
     *
     * @param float32 whether the input is float (else double)
     * @return the epsilon (0: none)
     */
    public double clipEpsilon(boolean float32) {
        if (clipToTypeEpsilon) {
            return float32 ? 0x1p-23 : 0x1p-52;
        }
        return clipEpsilon;
    }

    /**
     * The weight of the positive term of binary cross-entropy with logits (1: unweighted).
     *
     * @return the positive weight
     */
    public double posWeight() {
        return posWeight;
    }

    @Override
    public String toString() {
        return "LossOptions[reduction=" + reduction + ", clip=" + (clipToTypeEpsilon ? "type epsilon" : clipEpsilon)
                + ", posWeight=" + posWeight + "]";
    }
}

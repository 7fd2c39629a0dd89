package org.shannon4j.loss;

import java.util.Objects;

import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.spi.Context;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

/**
 * The losses of machine learning: softmax, binary and logistic cross-entropies, with PyTorch's and
 * scikit-learn's options, in the unit of the {@link Context} they are bound to (nats by default). Obtain them
 * from a handle, {@code Shannon.get().losses()}, or from any context with {@link #of(Context)}; immutable and
 * thread-safe.
 *
 * <h2>Conventions (all losses)</h2>
 * <ul>
 *   <li>Results are in {@link Context#unit() the context's unit} (nats by default); per-element outputs and
 *       gradients are scaled to the unit too.</li>
 *   <li>Matrices are row-major (rows × classes); whole-array forms require length == rows × classes.</li>
 *   <li>rows = 0 is allowed: the sum is 0 and a mean over nothing is 0 (never NaN).</li>
 *   <li>float input is read as float and computed in double; per-element outputs of float input are float.</li>
 *   <li>{@link Reduction}, {@link SoftmaxLossOptions} and {@link LossOptions} hold the options;
 *       {@link LossResult} the reduced loss with what it was reduced over.</li>
 *   <li>Threads: the softmax cross-entropies of at least {@link Parallelism#MIN_SPLIT} logits split into parts of
 *       whole rows (multiples of 64) over {@link Context#parallelism() the context's threads}, the calling
 *       thread included, like the distribution measures' chunks: per-row losses and the gradient of the sum
 *       have the bits of one call; the part sums are added in order with compensated summation, so a reduced
 *       loss (and a mean's gradient) may differ from one call's in the last bits, and has the same bits for
 *       any thread count with deterministic parallelism. The other losses run on the calling thread.</li>
 * </ul>
 */
public final class Losses {

    private final Context context;
    private final Kernels kernels;
    private final InfoUnit unit;
    private final Normalization normalization;
    private final Parallelism parallelism;

    private Losses(Context context) {
        this.context = context;
        this.kernels = context.kernels();
        this.unit = context.unit();
        this.normalization = context.normalization();
        this.parallelism = context.parallelism();
    }

    /**
     * The loss measures bound to {@code context}: its backend, unit, policy and threads.
     * {@link org.shannon4j.Shannon#losses()} returns the one of a handle.
     *
     * @param context the settings to use
     * @return the entry type bound to that context
     */
    public static Losses of(Context context) {
        return new Losses(Objects.requireNonNull(context, "context must not be null"));
    }

    /**
     * The settings this entry type is bound to.
     *
     * @return the context
     */
    public Context context() {
        return context;
    }
    /**
     * Softmax cross-entropy from logits with class-index targets ({@code torch.nn.functional.cross_entropy}),
     * in {@link Context#unit() the context's unit}: row r's loss is −ln softmax(z_r)[y_r] = (m − z_y) +
     * log1p(Σ_{c ≠ argmax} exp(z_c − m)) with m = max z_r — the log-sum-exp form that stays exact for huge logits
     * (±1e4) and keeps a tiny loss exact when the target dominates. Defaults: no weights, ignore index −100, no
     * smoothing, {@link Reduction#MEAN}, the mean over the rows whose target is not ignored.
     *
     * <p>Edge cases: a logit of −∞ is a masked class (probability 0; +∞ loss if it is the target); NaN or +∞
     * logits, a row of only −∞ and a target outside [0, classes) that is not the ignore index throw
     * {@link IllegalArgumentException} naming the element (PyTorch returns NaN or fails on the device).
     * If every target is ignored the mean is 0 (PyTorch: NaN); {@link #softmaxCrossEntropyResult} gives the
     * count.
     *
     * @param logits  row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}
     * @param targets one class index per row; {@code targets.length} must be {@code rows}
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, int[] targets) {
        return softmaxCrossEntropy(logits, rows, classes, targets, SoftmaxLossOptions.defaults());
    }

    /**
     * Softmax cross-entropy with options ({@link SoftmaxLossOptions}: class weights, ignore index, label
     * smoothing, reduction) — PyTorch's semantics:
     * <ul>
     *   <li>row loss ℓᵣ = Σ_c a_c·(−ln softmax(z_r)_c) with a_c = (1 − ε)·w[yᵣ]·[c = yᵣ] + (ε/C)·w[c]: label
     *       smoothing ε gives every class ε/C (the target too), each smoothed class weighted by its own weight;
     *       class-weight terms with weight 0 are 0 even on a −∞ logit (PyTorch: 0·∞ = NaN);</li>
     *   <li>{@link Reduction#MEAN} (= {@link Reduction#MEAN_BY_WEIGHT}) is Σ ℓᵣ / Σ w[yᵣ] over the non-ignored
     *       rows — with smoothing and weights still divided by Σ w[yᵣ], as PyTorch does (surprising, but
     *       deliberate there); {@link Reduction#MEAN_BY_COUNT} divides by the number of non-ignored rows;
     *       a mean over nothing is 0;</li>
     *   <li>{@link Reduction#NONE} needs an output array: the forms with {@code out}, or
     *       {@link #softmaxCrossEntropyPerRow(double[], int, int, int[], SoftmaxLossOptions)}.</li>
     * </ul>
     *
     * @param logits row-major rows × classes logits
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param options reduction and the other loss options
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit};
     *         {@link Reduction#NONE} needs {@code out} and throws NullPointerException here
     */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, int[] targets,
                                      SoftmaxLossOptions options) {
        return softmaxCrossEntropy(logits, rows, classes, targets, options, null);
    }

    /**
     * As {@link #softmaxCrossEntropy(double[], int, int, int[], SoftmaxLossOptions)} (class indices), and if
     * {@code out} is not null (required for {@link Reduction#NONE}; length {@code rows}) the weighted per-row losses in
     * {@link Context#unit() the context's unit} are written to it. Returns the reduced loss (the sum for NONE).
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets one class index per row, in [0, classes) or the options' ignore index; {@code targets.length} must
     *                be {@code rows}
     * @param options class weights, ignore index, label smoothing ε and reduction
     * @param out receives the weighted per-row losses in {@link Context#unit() the context's unit} (0 for an ignored
     *            row); length {@code rows}; required for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, int[] targets,
                                      SoftmaxLossOptions options, double[] out) {
        return LossMeasures.softmax(kernels, parallelism, unit, logits, rows, classes, targets, options, out);
    }

    /**
     * The weighted per-row losses ({@link Reduction#NONE}, class indices) in {@link Context#unit() the context's unit},
     * in a new array; the options' reduction is not used.
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets one class index per row, in [0, classes) or the options' ignore index; {@code targets.length} must
     *                be {@code rows}
     * @param options class weights, ignore index and label smoothing ε; its reduction is not used
     * @return a new array of the weighted per-row losses in {@link Context#unit() the context's unit}
     *         ({@link Reduction#NONE}; PyTorch's {@code reduction='none'}) — 0 for an ignored row
     */
    public double[] softmaxCrossEntropyPerRow(double[] logits, int rows, int classes, int[] targets,
                                             SoftmaxLossOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        LossMeasures.exactMatrix("logits", logits, rows, classes); // before allocating rows
        double[] out = new double[Math.max(rows, 0)];
        softmaxCrossEntropy(logits, rows, classes, targets, options.reduction(Reduction.NONE), out);
        return out;
    }

    /**
     * Softmax cross-entropy of the rows × classes matrix at {@code logits[offset ..]} with class indices at
     * {@code targets[targetOffset ..]}. If {@code out} is not null (required with {@link Reduction#NONE}),
     * the weighted per-row losses ℓᵣ in {@link Context#unit() the context's unit} are written to
     * {@code out[outOffset + r]} (0 for an ignored row). Returns the reduced loss (the sum for NONE). Allocates
     * nothing.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-row losses for
     *         {@link Reduction#NONE}), in {@link Context#unit() the context's unit}
     * @see #softmaxCrossEntropy(double[], int, int, int[], SoftmaxLossOptions)
     */
    public double softmaxCrossEntropy(double[] logits, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, SoftmaxLossOptions options, double[] out, int outOffset) {
        return LossMeasures.softmax(kernels, parallelism, unit, logits, offset, rows, classes, targets, targetOffset,
                options, out, outOffset, null, 0);
    }

    /**
     * As {@link #softmaxCrossEntropy(double[], int, int, int, int[], int, SoftmaxLossOptions, double[], int)}, also
     * returning the sum, Σ w[yᵣ] and the number of non-ignored rows (allocates the small result).
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the reduced loss with the weight sum and count of contributing rows
     */
    public LossResult softmaxCrossEntropyResult(double[] logits, int offset, int rows, int classes, int[] targets,
                                                int targetOffset, SoftmaxLossOptions options, double[] out,
                                                int outOffset) {
        return LossMeasures.softmaxResult(kernels, parallelism, unit, logits, offset, rows, classes, targets, targetOffset,
                options, out, outOffset);
    }

    /**
     * The reduced softmax cross-entropy (as
     * {@link #softmaxCrossEntropy(double[], int, int, int, int[], int, SoftmaxLossOptions, double[], int)}, the sum
     * for {@link Reduction#NONE}) and its gradient with respect to the logits, written to
     * {@code grad[gradOffset ..+ rows·classes)}: A·softmax(z_r) − a (softmax − one-hot without weights and
     * smoothing), divided by the mean's denominator and, like the loss, scaled to
     * {@link Context#unit() the context's unit} (in bits the gradient is divided by ln 2). Ignored rows get 0. For NONE
     * and SUM it is the gradient of the sum.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param options reduction and the other loss options
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @return the reduced loss, in {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropyGradient(double[] logits, int offset, int rows, int classes, int[] targets,
                                              int targetOffset, SoftmaxLossOptions options, double[] grad,
                                              int gradOffset) {
        Objects.requireNonNull(grad, "grad must not be null");
        return LossMeasures.softmax(kernels, parallelism, unit, logits, offset, rows, classes, targets, targetOffset,
                options, null, 0, grad, gradOffset);
    }

    /**
     * Softmax cross-entropy with probability targets (soft labels; PyTorch's {@code cross_entropy} with a
     * probability target), in {@link Context#unit() the context's unit}: ℓᵣ = −Σ_c w[c]·q'_rc·ln softmax(z_r)_c with
     * q' = (1 − ε)·q + ε/C. Targets must be finite and ≥ 0; rows are not required to sum to 1 (as in PyTorch).
     * A zero target on a −∞ logit contributes 0 (PyTorch: NaN). {@link Reduction#MEAN} divides by the number
     * of rows, as PyTorch does ({@link Reduction#MEAN_BY_COUNT}); {@link Reduction#MEAN_BY_WEIGHT} divides
     * by Σᵣ Σ_c w[c]·q'_rc instead (Σ w[yᵣ] for one-hot rows). The ignore index does not apply.
     *
     * @param logits row-major rows × classes logits
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, double[] targets) {
        return softmaxCrossEntropy(logits, rows, classes, targets, SoftmaxLossOptions.defaults());
    }

    /**
     * Probability targets with options; see {@link #softmaxCrossEntropy(double[], int, int, double[])}.
     *
     * @param logits row-major rows × classes logits
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param options reduction and the other loss options
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit};
     *         {@link Reduction#NONE} needs {@code out} and throws NullPointerException here
     */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, double[] targets,
                                      SoftmaxLossOptions options) {
        return softmaxCrossEntropy(logits, rows, classes, targets, options, null);
    }

    /**
     * As {@link #softmaxCrossEntropy(double[], int, int, double[], SoftmaxLossOptions)} (probability targets), and if
     * {@code out} is not null (required for {@link Reduction#NONE}; length {@code rows}) the weighted per-row losses in
     * {@link Context#unit() the context's unit} are written to it. Returns the reduced loss (the sum for NONE).
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets row-major rows × classes target probabilities q (PyTorch's probability target), finite and ≥ 0,
     *                rows not required to sum to 1; {@code targets.length} must be {@code rows * classes}
     * @param options class weights, label smoothing ε and reduction (the ignore index does not apply)
     * @param out receives the weighted per-row losses in {@link Context#unit() the context's unit}; length
     *            {@code rows}; required for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, double[] targets,
                                      SoftmaxLossOptions options, double[] out) {
        return LossMeasures.softmax(kernels, parallelism, unit, logits, rows, classes, targets, options, out);
    }

    /**
     * The weighted per-row losses ({@link Reduction#NONE}, probability targets) in
     * {@link Context#unit() the context's unit}, in a new array; the options' reduction is not used.
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets row-major rows × classes target probabilities q (PyTorch's probability target), finite and ≥ 0,
     *                rows not required to sum to 1; {@code targets.length} must be {@code rows * classes}
     * @param options class weights and label smoothing ε; its reduction and ignore index are not used
     * @return a new array of the weighted per-row losses in {@link Context#unit() the context's unit}
     *         ({@link Reduction#NONE}; PyTorch's {@code reduction='none'})
     */
    public double[] softmaxCrossEntropyPerRow(double[] logits, int rows, int classes, double[] targets,
                                             SoftmaxLossOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        LossMeasures.exactMatrix("logits", logits, rows, classes); // before allocating rows
        double[] out = new double[Math.max(rows, 0)];
        softmaxCrossEntropy(logits, rows, classes, targets, options.reduction(Reduction.NONE), out);
        return out;
    }

    /**
     * Probability targets, offset form; per-row losses to {@code out} if not null (required for NONE).
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-row losses for
     *         {@link Reduction#NONE}), in {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropy(double[] logits, int offset, int rows, int classes, double[] targets,
                                      int targetOffset, SoftmaxLossOptions options, double[] out, int outOffset) {
        return LossMeasures.softmax(kernels, parallelism, unit, logits, offset, rows, classes, targets, targetOffset,
                options, out, outOffset, null, 0);
    }

    /**
     * Probability targets, with the sum, Σ A_r and the row count.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the reduced loss with the weight sum and count of contributing rows
     */
    public LossResult softmaxCrossEntropyResult(double[] logits, int offset, int rows, int classes, double[] targets,
                                                int targetOffset, SoftmaxLossOptions options, double[] out,
                                                int outOffset) {
        return LossMeasures.softmaxResult(kernels, parallelism, unit, logits, offset, rows, classes, targets, targetOffset,
                options, out, outOffset);
    }

    /**
     * Probability targets: the reduced loss and its gradient A·softmax(z_r) − a (see the class-index form).
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param options reduction and the other loss options
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @return the reduced loss, in {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropyGradient(double[] logits, int offset, int rows, int classes, double[] targets,
                                              int targetOffset, SoftmaxLossOptions options, double[] grad,
                                              int gradOffset) {
        Objects.requireNonNull(grad, "grad must not be null");
        return LossMeasures.softmax(kernels, parallelism, unit, logits, offset, rows, classes, targets, targetOffset,
                options, null, 0, grad, gradOffset);
    }

    /**
     * Softmax cross-entropy from logits with class-index targets ({@code torch.nn.functional.cross_entropy}),
     * in {@link Context#unit() the context's unit}: row r's loss is −ln softmax(z_r)[y_r] = (m − z_y) +
     * log1p(Σ_{c ≠ argmax} exp(z_c − m)) with m = max z_r — the log-sum-exp form that stays exact for huge logits
     * (±1e4) and keeps a tiny loss exact when the target dominates. Defaults: no weights, ignore index −100, no
     * smoothing, {@link Reduction#MEAN}, the mean over the rows whose target is not ignored.
     *
     * <p>Edge cases: a logit of −∞ is a masked class (probability 0; +∞ loss if it is the target); NaN or +∞
     * logits, a row of only −∞ and a target outside [0, classes) that is not the ignore index throw
     * {@link IllegalArgumentException} naming the element (PyTorch returns NaN or fails on the device).
     * If every target is ignored the mean is 0 (PyTorch: NaN); {@link #softmaxCrossEntropyResult} gives the
     * count.
     *
     * @param logits  row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}
     * @param targets one class index per row; {@code targets.length} must be {@code rows}
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, int[] targets) {
        return softmaxCrossEntropy(logits, rows, classes, targets, SoftmaxLossOptions.defaults());
    }

    /**
     * Softmax cross-entropy with options ({@link SoftmaxLossOptions}: class weights, ignore index, label
     * smoothing, reduction) — PyTorch's semantics:
     * <ul>
     *   <li>row loss ℓᵣ = Σ_c a_c·(−ln softmax(z_r)_c) with a_c = (1 − ε)·w[yᵣ]·[c = yᵣ] + (ε/C)·w[c]: label
     *       smoothing ε gives every class ε/C (the target too), each smoothed class weighted by its own weight;
     *       class-weight terms with weight 0 are 0 even on a −∞ logit (PyTorch: 0·∞ = NaN);</li>
     *   <li>{@link Reduction#MEAN} (= {@link Reduction#MEAN_BY_WEIGHT}) is Σ ℓᵣ / Σ w[yᵣ] over the non-ignored
     *       rows — with smoothing and weights still divided by Σ w[yᵣ], as PyTorch does (surprising, but
     *       deliberate there); {@link Reduction#MEAN_BY_COUNT} divides by the number of non-ignored rows;
     *       a mean over nothing is 0;</li>
     *   <li>{@link Reduction#NONE} needs an output array: the forms with {@code out}, or
     *       {@link #softmaxCrossEntropyPerRow(double[], int, int, int[], SoftmaxLossOptions)}.</li>
     * </ul>
     *
     * @param logits row-major rows × classes logits
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param options reduction and the other loss options
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit};
     *         {@link Reduction#NONE} needs {@code out} and throws NullPointerException here
     */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, int[] targets,
                                      SoftmaxLossOptions options) {
        return softmaxCrossEntropy(logits, rows, classes, targets, options, null);
    }

    /**
     * As {@link #softmaxCrossEntropy(float[], int, int, int[], SoftmaxLossOptions)} (class indices), and if {@code out}
     * is not null (required for {@link Reduction#NONE}; length {@code rows}) the weighted per-row losses in
     * {@link Context#unit() the context's unit} are written to it. Returns the reduced loss (the sum for NONE).
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets one class index per row, in [0, classes) or the options' ignore index; {@code targets.length} must
     *                be {@code rows}
     * @param options class weights, ignore index, label smoothing ε and reduction
     * @param out receives the weighted per-row losses in {@link Context#unit() the context's unit} (0 for an ignored
     *            row); length {@code rows}; required for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, int[] targets,
                                      SoftmaxLossOptions options, float[] out) {
        return LossMeasures.softmax(kernels, parallelism, unit, logits, rows, classes, targets, options, out);
    }

    /**
     * The weighted per-row losses ({@link Reduction#NONE}, class indices) in {@link Context#unit() the context's unit},
     * in a new array; the options' reduction is not used.
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets one class index per row, in [0, classes) or the options' ignore index; {@code targets.length} must
     *                be {@code rows}
     * @param options class weights, ignore index and label smoothing ε; its reduction is not used
     * @return a new array of the weighted per-row losses in {@link Context#unit() the context's unit}
     *         ({@link Reduction#NONE}; PyTorch's {@code reduction='none'}) — 0 for an ignored row
     */
    public float[] softmaxCrossEntropyPerRow(float[] logits, int rows, int classes, int[] targets,
                                             SoftmaxLossOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        LossMeasures.exactMatrix("logits", logits, rows, classes); // before allocating rows
        float[] out = new float[Math.max(rows, 0)];
        softmaxCrossEntropy(logits, rows, classes, targets, options.reduction(Reduction.NONE), out);
        return out;
    }

    /**
     * Softmax cross-entropy of the rows × classes matrix at {@code logits[offset ..]} with class indices at
     * {@code targets[targetOffset ..]}. If {@code out} is not null (required with {@link Reduction#NONE}),
     * the weighted per-row losses ℓᵣ in {@link Context#unit() the context's unit} are written to
     * {@code out[outOffset + r]} (0 for an ignored row). Returns the reduced loss (the sum for NONE). Allocates
     * nothing.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-row losses for
     *         {@link Reduction#NONE}), in {@link Context#unit() the context's unit}
     * @see #softmaxCrossEntropy(float[], int, int, int[], SoftmaxLossOptions)
     */
    public double softmaxCrossEntropy(float[] logits, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, SoftmaxLossOptions options, float[] out, int outOffset) {
        return LossMeasures.softmax(kernels, parallelism, unit, logits, offset, rows, classes, targets, targetOffset,
                options, out, outOffset, null, 0);
    }

    /**
     * As {@link #softmaxCrossEntropy(float[], int, int, int, int[], int, SoftmaxLossOptions, float[], int)}, also
     * returning the sum, Σ w[yᵣ] and the number of non-ignored rows (allocates the small result).
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the reduced loss with the weight sum and count of contributing rows
     */
    public LossResult softmaxCrossEntropyResult(float[] logits, int offset, int rows, int classes, int[] targets,
                                                int targetOffset, SoftmaxLossOptions options, float[] out,
                                                int outOffset) {
        return LossMeasures.softmaxResult(kernels, parallelism, unit, logits, offset, rows, classes, targets, targetOffset,
                options, out, outOffset);
    }

    /**
     * The reduced softmax cross-entropy (as
     * {@link #softmaxCrossEntropy(float[], int, int, int, int[], int, SoftmaxLossOptions, float[], int)}, the sum
     * for {@link Reduction#NONE}) and its gradient with respect to the logits, written to
     * {@code grad[gradOffset ..+ rows·classes)}: A·softmax(z_r) − a (softmax − one-hot without weights and
     * smoothing), divided by the mean's denominator and, like the loss, scaled to
     * {@link Context#unit() the context's unit} (in bits the gradient is divided by ln 2). Ignored rows get 0. For NONE
     * and SUM it is the gradient of the sum.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param options reduction and the other loss options
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @return the reduced loss, in {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropyGradient(float[] logits, int offset, int rows, int classes, int[] targets,
                                              int targetOffset, SoftmaxLossOptions options, float[] grad,
                                              int gradOffset) {
        Objects.requireNonNull(grad, "grad must not be null");
        return LossMeasures.softmax(kernels, parallelism, unit, logits, offset, rows, classes, targets, targetOffset,
                options, null, 0, grad, gradOffset);
    }

    /**
     * Softmax cross-entropy with probability targets (soft labels; PyTorch's {@code cross_entropy} with a
     * probability target), in {@link Context#unit() the context's unit}: ℓᵣ = −Σ_c w[c]·q'_rc·ln softmax(z_r)_c with
     * q' = (1 − ε)·q + ε/C. Targets must be finite and ≥ 0; rows are not required to sum to 1 (as in PyTorch).
     * A zero target on a −∞ logit contributes 0 (PyTorch: NaN). {@link Reduction#MEAN} divides by the number
     * of rows, as PyTorch does ({@link Reduction#MEAN_BY_COUNT}); {@link Reduction#MEAN_BY_WEIGHT} divides
     * by Σᵣ Σ_c w[c]·q'_rc instead (Σ w[yᵣ] for one-hot rows). The ignore index does not apply.
     *
     * @param logits row-major rows × classes logits
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, float[] targets) {
        return softmaxCrossEntropy(logits, rows, classes, targets, SoftmaxLossOptions.defaults());
    }

    /**
     * Probability targets with options; see {@link #softmaxCrossEntropy(float[], int, int, float[])}.
     *
     * @param logits row-major rows × classes logits
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param options reduction and the other loss options
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit};
     *         {@link Reduction#NONE} needs {@code out} and throws NullPointerException here
     */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, float[] targets,
                                      SoftmaxLossOptions options) {
        return softmaxCrossEntropy(logits, rows, classes, targets, options, null);
    }

    /**
     * As {@link #softmaxCrossEntropy(float[], int, int, float[], SoftmaxLossOptions)} (probability targets), and if
     * {@code out} is not null (required for {@link Reduction#NONE}; length {@code rows}) the weighted per-row losses in
     * {@link Context#unit() the context's unit} are written to it. Returns the reduced loss (the sum for NONE).
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets row-major rows × classes target probabilities q (PyTorch's probability target), finite and ≥ 0,
     *                rows not required to sum to 1; {@code targets.length} must be {@code rows * classes}
     * @param options class weights, label smoothing ε and reduction (the ignore index does not apply)
     * @param out receives the weighted per-row losses in {@link Context#unit() the context's unit}; length
     *            {@code rows}; required for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, float[] targets,
                                      SoftmaxLossOptions options, float[] out) {
        return LossMeasures.softmax(kernels, parallelism, unit, logits, rows, classes, targets, options, out);
    }

    /**
     * The weighted per-row losses ({@link Reduction#NONE}, probability targets) in
     * {@link Context#unit() the context's unit}, in a new array; the options' reduction is not used.
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets row-major rows × classes target probabilities q (PyTorch's probability target), finite and ≥ 0,
     *                rows not required to sum to 1; {@code targets.length} must be {@code rows * classes}
     * @param options class weights and label smoothing ε; its reduction and ignore index are not used
     * @return a new array of the weighted per-row losses in {@link Context#unit() the context's unit}
     *         ({@link Reduction#NONE}; PyTorch's {@code reduction='none'})
     */
    public float[] softmaxCrossEntropyPerRow(float[] logits, int rows, int classes, float[] targets,
                                             SoftmaxLossOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        LossMeasures.exactMatrix("logits", logits, rows, classes); // before allocating rows
        float[] out = new float[Math.max(rows, 0)];
        softmaxCrossEntropy(logits, rows, classes, targets, options.reduction(Reduction.NONE), out);
        return out;
    }

    /**
     * Probability targets, offset form; per-row losses to {@code out} if not null (required for NONE).
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-row losses for
     *         {@link Reduction#NONE}), in {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropy(float[] logits, int offset, int rows, int classes, float[] targets,
                                      int targetOffset, SoftmaxLossOptions options, float[] out, int outOffset) {
        return LossMeasures.softmax(kernels, parallelism, unit, logits, offset, rows, classes, targets, targetOffset,
                options, out, outOffset, null, 0);
    }

    /**
     * Probability targets, with the sum, Σ A_r and the row count.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the reduced loss with the weight sum and count of contributing rows
     */
    public LossResult softmaxCrossEntropyResult(float[] logits, int offset, int rows, int classes, float[] targets,
                                                int targetOffset, SoftmaxLossOptions options, float[] out,
                                                int outOffset) {
        return LossMeasures.softmaxResult(kernels, parallelism, unit, logits, offset, rows, classes, targets, targetOffset,
                options, out, outOffset);
    }

    /**
     * Probability targets: the reduced loss and its gradient A·softmax(z_r) − a (see the class-index form).
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param options reduction and the other loss options
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @return the reduced loss, in {@link Context#unit() the context's unit}
     */
    public double softmaxCrossEntropyGradient(float[] logits, int offset, int rows, int classes, float[] targets,
                                              int targetOffset, SoftmaxLossOptions options, float[] grad,
                                              int gradOffset) {
        Objects.requireNonNull(grad, "grad must not be null");
        return LossMeasures.softmax(kernels, parallelism, unit, logits, offset, rows, classes, targets, targetOffset,
                options, null, 0, grad, gradOffset);
    }

    /**
     * Binary cross-entropy −[y·ln p + (1 − y)·ln(1 − p)] per element
     * ({@code torch.nn.functional.binary_cross_entropy}), in {@link Context#unit() the context's unit}, mean over the
     * elements. Targets in [0, 1] (soft labels allowed), probabilities in [0, 1]; ln(1 − p) is computed as log1p(−p). A
     * term with a zero factor is 0, so p = 0 with y = 0 is fine, but p = 0 with y &gt; 0 (or p = 1 with y &lt; 1) gives
     * <b>+∞</b>: PyTorch clamps each log at −100 (a finite 100 nats), scikit-learn clips at eps; here clipping happens
     * only if asked for ({@link LossOptions#clip(double)}, {@link LossOptions#clipToTypeEpsilon()}).
     * Example: target 1, predicted 0.8 → −ln 0.8 = 0.2231 nats.
     *
     * @param targets the targets
     * @param probs predicted probabilities
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropy(double[] targets, double[] probs) {
        return binaryCrossEntropy(targets, probs, LossOptions.defaults());
    }

    /**
     * Binary cross-entropy with options (reduction, clipping); MEAN divides by the number of elements.
     *
     * @param targets the targets
     * @param probs predicted probabilities
     * @param options reduction and the other loss options
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit};
     *         {@link Reduction#NONE} needs {@code out} and throws NullPointerException here
     */
    public double binaryCrossEntropy(double[] targets, double[] probs, LossOptions options) {
        return LossMeasures.binary(kernels, unit, false, targets, probs, null, options, null);
    }

    /**
     * Binary cross-entropy of ranges; per-element losses to {@code out} if not null (required for NONE).
     *
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param probs predicted probabilities
     * @param probOffset index of the first probability
     * @param length number of elements read
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-element losses for
     *         {@link Reduction#NONE}), in {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropy(double[] targets, int targetOffset, double[] probs, int probOffset, int length,
                                     LossOptions options, double[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, false, targets, targetOffset, probs, probOffset, null, 0, length,
                options, out, outOffset);
    }

    /**
     * Binary cross-entropy from logits ({@code binary_cross_entropy_with_logits}), in
     * {@link Context#unit() the context's unit}, mean over the elements: posWeight·y·softplus(−x) + (1 −
     * y)·softplus(x), softplus(t) = max(t, 0) + log1p(exp(−|t|)) — exact for large |x| where ln(1 + eˣ) would overflow
     * or lose everything. x = ±∞ is allowed (a term with a zero factor is 0; PyTorch gives NaN for x = +∞, y = 1); NaN
     * is rejected. {@link LossOptions#posWeight(double)} multiplies only the positive term, as in PyTorch.
     *
     * @param targets the targets
     * @param logits the logits, one per target
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropyWithLogits(double[] targets, double[] logits) {
        return binaryCrossEntropyWithLogits(targets, logits, LossOptions.defaults());
    }

    /**
     * Binary cross-entropy from logits with options (reduction, posWeight).
     *
     * @param targets the targets
     * @param logits the logits, one per target
     * @param options reduction and the other loss options
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit};
     *         {@link Reduction#NONE} needs {@code out} and throws NullPointerException here
     */
    public double binaryCrossEntropyWithLogits(double[] targets, double[] logits, LossOptions options) {
        return LossMeasures.binary(kernels, unit, true, targets, logits, null, options, null);
    }

    /**
     * Binary cross-entropy from logits of ranges; per-element losses to {@code out} if not null.
     *
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param logits the logits, one per target
     * @param logitOffset index of the first logit
     * @param length number of elements read
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-element losses for
     *         {@link Reduction#NONE}), in {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropyWithLogits(double[] targets, int targetOffset, double[] logits, int logitOffset,
                                               int length, LossOptions options, double[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, true, targets, targetOffset, logits, logitOffset, null, 0, length,
                options, out, outOffset);
    }

    /**
     * Categorical log loss on probabilities, scikit-learn's {@code log_loss(y_true, y_pred)}: the mean over
     * rows of −ln p'[r, yᵣ], p' the row divided by its sum, in {@link Context#unit() the context's unit}. Computed as
     * −log1p(−others/Σ) for confident rows so that a small loss stays exact.
     * <p>Differences from scikit-learn 1.2: rows must sum to 1 within {@link Normalization#sumTolerance}
     * under {@link Normalization#REQUIRE} (the default; scikit-learn 1.2 divides silently, 1.5+ warns first) and are
     * divided by their sum under {@link Normalization#NORMALIZE} (scikit-learn's behaviour). No clipping by
     * default: p[r, yᵣ] = 0 gives +∞ where scikit-learn clips at eps = {@code finfo(dtype).eps}
     * ({@link LossOptions#clipToTypeEpsilon()} reproduces that: clip to [ε, 1 − ε], then normalise).
     * Targets are class indices in [0, classes) (scikit-learn's label encoding is the caller's job).
     *
     * @param targets the targets
     * @param probs predicted probabilities
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link Context#unit() the context's unit}
     */
    public double logLoss(int[] targets, double[] probs, int rows, int classes) {
        return logLoss(targets, probs, rows, classes, LossOptions.defaults());
    }

    /**
     * Log loss with options (reduction, clipping).
     *
     * @param targets the targets
     * @param probs predicted probabilities
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param options reduction and the other loss options
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit};
     *         {@link Reduction#NONE} needs {@code out} and throws NullPointerException here
     */
    public double logLoss(int[] targets, double[] probs, int rows, int classes, LossOptions options) {
        return LossMeasures.logLoss(kernels, unit, normalization, targets, probs, rows, classes, null, options,
                null);
    }

    /**
     * Log loss of the rows × classes matrix at {@code probs[offset ..]}; per-row losses to {@code out}.
     *
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param probs predicted probabilities
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-row losses for
     *         {@link Reduction#NONE}), in {@link Context#unit() the context's unit}
     */
    public double logLoss(int[] targets, int targetOffset, double[] probs, int offset, int rows, int classes,
                          LossOptions options, double[] out, int outOffset) {
        return LossMeasures.logLoss(kernels, unit, normalization, targets, targetOffset, probs, offset, rows,
                classes, null, 0, options, out, outOffset);
    }

    /**
     * Binary cross-entropy with per-element weights, PyTorch's {@code weight}: ℓᵢ = wᵢ·−[yᵢ·ln pᵢ +
     * (1 − yᵢ)·ln(1 − pᵢ)] (a term with wᵢ = 0 is 0, also where the log is infinite; PyTorch: NaN).
     * {@link Reduction#MEAN} divides Σ ℓᵢ by the number of elements, as PyTorch does;
     * {@link Reduction#MEAN_BY_WEIGHT} divides by Σ wᵢ instead (scikit-learn's weighted mean). Weights must be
     * finite and ≥ 0; {@code weights} may be null (all 1). {@link Reduction#NONE} needs an output: use
     * {@link #binaryCrossEntropy(double[], double[], double[], LossOptions, double[])} or
     * {@link #binaryCrossEntropyPerElement}.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param probs predicted probabilities pᵢ in [0, 1], one per target; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by the number of elements,
     *                MEAN_BY_WEIGHT by Σ wᵢ
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropy(double[] targets, double[] probs, double[] weights, LossOptions options) {
        return binaryCrossEntropy(targets, probs, weights, options, null);
    }

    /**
     * As {@link #binaryCrossEntropy(double[], double[], double[], LossOptions)}, and if {@code out} is not null
     * (required for {@link Reduction#NONE}; length {@code targets.length}) the weighted per-element losses in
     * {@link Context#unit() the context's unit} are written to it. Returns the reduced loss (the sum for NONE).
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param probs predicted probabilities pᵢ in [0, 1], one per target; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by the number of elements,
     *                MEAN_BY_WEIGHT by Σ wᵢ
     * @param out receives the weighted per-element losses in {@link Context#unit() the context's unit}; length
     *            {@code targets.length}; required for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropy(double[] targets, double[] probs, double[] weights, LossOptions options, double[] out) {
        return LossMeasures.binary(kernels, unit, false, targets, probs, weights, options, out);
    }

    /**
     * The weighted per-element binary cross-entropies ({@link Reduction#NONE}) in
     * {@link Context#unit() the context's unit}, in a new array; {@code weights} may be null. The options' reduction is
     * not used.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param probs predicted probabilities pᵢ in [0, 1], one per target; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options clipping epsilon (none by default); its reduction is not used
     * @return a new array of the weighted per-element losses in {@link Context#unit() the context's unit}
     *         ({@link Reduction#NONE}; PyTorch's {@code reduction='none'})
     */
    public double[] binaryCrossEntropyPerElement(double[] targets, double[] probs, double[] weights, LossOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        double[] out = new double[LossMeasures.length("targets", targets)];
        binaryCrossEntropy(targets, probs, weights, options.reduction(Reduction.NONE), out);
        return out;
    }

    /**
     * Weighted binary cross-entropy of ranges ({@code weights} may be null); per-element losses to {@code out}.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param targetOffset index in targets of the first target
     * @param probs predicted probabilities pᵢ in [0, 1], one per target
     * @param probOffset index in probs of the first probability
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; null for all 1
     * @param weightOffset index in weights of the first weight (unused when weights is null)
     * @param length number of elements read from each array (≥ 0)
     * @param options reduction and clipping epsilon (none by default); MEAN divides by the number of elements,
     *                MEAN_BY_WEIGHT by Σ wᵢ
     * @param out receives the weighted per-element losses in {@link Context#unit() the context's unit} at
     *            {@code out[outOffset ..+ length)}; required for {@link Reduction#NONE}, may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropy(double[] targets, int targetOffset, double[] probs, int probOffset, double[] weights,
                                     int weightOffset, int length, LossOptions options, double[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, false, targets, targetOffset, probs, probOffset, weights,
                weightOffset, length, options, out, outOffset);
    }

    /**
     * Binary cross-entropy from logits with per-element weights, as {@code
     * torch.nn.functional.binary_cross_entropy_with_logits(x, y, weight, pos_weight=…)}: ℓᵢ = wᵢ·[posWeight·yᵢ·
     * softplus(−xᵢ) + (1 − yᵢ)·softplus(xᵢ)] = −wᵢ·[posWeight·yᵢ·ln σ(xᵢ) + (1 − yᵢ)·ln(1 − σ(xᵢ))]. MEAN divides by
     * the number of elements (PyTorch), MEAN_BY_WEIGHT by Σ wᵢ. Weights finite and ≥ 0, or null (all 1).
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param logits the logits xᵢ, one per target; ±∞ allowed, NaN rejected; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options reduction and posWeight (PyTorch's {@code pos_weight}, multiplies only the positive term); MEAN
     *                divides by the number of elements, MEAN_BY_WEIGHT by Σ wᵢ
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropyWithLogits(double[] targets, double[] logits, double[] weights, LossOptions options) {
        return binaryCrossEntropyWithLogits(targets, logits, weights, options, null);
    }

    /**
     * As {@link #binaryCrossEntropyWithLogits(double[], double[], double[], LossOptions)}, per-element losses to
     * {@code out} if not null.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param logits the logits xᵢ, one per target; ±∞ allowed, NaN rejected; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options reduction and posWeight (PyTorch's {@code pos_weight}, multiplies only the positive term); MEAN
     *                divides by the number of elements, MEAN_BY_WEIGHT by Σ wᵢ
     * @param out receives the weighted per-element losses in {@link Context#unit() the context's unit}; length
     *            {@code targets.length}; required for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropyWithLogits(double[] targets, double[] logits, double[] weights, LossOptions options,
                                               double[] out) {
        return LossMeasures.binary(kernels, unit, true, targets, logits, weights, options, out);
    }

    /**
     * The weighted per-element losses from logits ({@link Reduction#NONE}) in a new array; weights may be null.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param logits the logits xᵢ, one per target; ±∞ allowed, NaN rejected; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options posWeight (PyTorch's {@code pos_weight}); its reduction is not used
     * @return a new array of the weighted per-element losses in {@link Context#unit() the context's unit}
     *         ({@link Reduction#NONE}; PyTorch's {@code reduction='none'})
     */
    public double[] binaryCrossEntropyWithLogitsPerElement(double[] targets, double[] logits, double[] weights,
                                                        LossOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        double[] out = new double[LossMeasures.length("targets", targets)];
        binaryCrossEntropyWithLogits(targets, logits, weights, options.reduction(Reduction.NONE), out);
        return out;
    }

    /**
     * Weighted binary cross-entropy from logits of ranges ({@code weights} may be null).
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param targetOffset index in targets of the first target
     * @param logits the logits xᵢ, one per target; ±∞ allowed, NaN rejected
     * @param logitOffset index in logits of the first logit
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; null for all 1
     * @param weightOffset index in weights of the first weight (unused when weights is null)
     * @param length number of elements read from each array (≥ 0)
     * @param options reduction and posWeight (PyTorch's {@code pos_weight}, multiplies only the positive term); MEAN
     *                divides by the number of elements, MEAN_BY_WEIGHT by Σ wᵢ
     * @param out receives the weighted per-element losses in {@link Context#unit() the context's unit} at
     *            {@code out[outOffset ..+ length)}; required for {@link Reduction#NONE}, may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropyWithLogits(double[] targets, int targetOffset, double[] logits, int logitOffset,
                                               double[] weights, int weightOffset, int length, LossOptions options,
                                               double[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, true, targets, targetOffset, logits, logitOffset, weights,
                weightOffset, length, options, out, outOffset);
    }

    /**
     * Log loss with per-sample weights, scikit-learn's {@code log_loss(y_true, y_pred, sample_weight=w)}:
     * Σ wᵣ·ℓᵣ / Σ wᵣ for {@link Reduction#MEAN} (= MEAN_BY_WEIGHT; MEAN_BY_COUNT divides by the rows). A row with
     * weight 0 contributes 0 even if its loss is infinite (scikit-learn: NaN). Weights finite and ≥ 0, one per row,
     * or null (all 1); per-row outputs are weighted.
     *
     * @param targets one class index per row, in [0, classes) (scikit-learn's {@code y_true}, label-encoded);
     *                {@code targets.length} must be {@code rows}
     * @param probs row-major rows × classes predicted probabilities (scikit-learn's {@code y_pred}), finite and ≥ 0,
     *              each row summing to 1 unless {@link Context#normalization() the context's policy} is
     *              {@link Normalization#NORMALIZE}; {@code probs.length} must be {@code rows * classes}
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0;
     *                      {@code sampleWeights.length} must be {@code rows}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by Σ wᵣ, as scikit-learn does,
     *                MEAN_BY_COUNT by the rows
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit}
     */
    public double logLoss(int[] targets, double[] probs, int rows, int classes, double[] sampleWeights,
                          LossOptions options) {
        return logLoss(targets, probs, rows, classes, sampleWeights, options, null);
    }

    /**
     * As {@link #logLoss(int[], double[], int, int, double[], LossOptions)}, weighted per-row losses to {@code out}
     * (length rows) if not null.
     *
     * @param targets one class index per row, in [0, classes) (scikit-learn's {@code y_true}, label-encoded);
     *                {@code targets.length} must be {@code rows}
     * @param probs row-major rows × classes predicted probabilities (scikit-learn's {@code y_pred}), finite and ≥ 0,
     *              each row summing to 1 unless {@link Context#normalization() the context's policy} is
     *              {@link Normalization#NORMALIZE}; {@code probs.length} must be {@code rows * classes}
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0;
     *                      {@code sampleWeights.length} must be {@code rows}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by Σ wᵣ, as scikit-learn does,
     *                MEAN_BY_COUNT by the rows
     * @param out receives the weighted per-row losses in {@link Context#unit() the context's unit}; length
     *            {@code rows}; required for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double logLoss(int[] targets, double[] probs, int rows, int classes, double[] sampleWeights,
                          LossOptions options, double[] out) {
        return LossMeasures.logLoss(kernels, unit, normalization, targets, probs, rows, classes, sampleWeights, options,
                out);
    }

    /**
     * The weighted per-row log losses ({@link Reduction#NONE}) in a new array; sampleWeights may be null.
     *
     * @param targets one class index per row, in [0, classes) (scikit-learn's {@code y_true}, label-encoded);
     *                {@code targets.length} must be {@code rows}
     * @param probs row-major rows × classes predicted probabilities (scikit-learn's {@code y_pred}), finite and ≥ 0,
     *              each row summing to 1 unless {@link Context#normalization() the context's policy} is
     *              {@link Normalization#NORMALIZE}; {@code probs.length} must be {@code rows * classes}
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0;
     *                      {@code sampleWeights.length} must be {@code rows}; null for all 1
     * @param options clipping epsilon (none by default); its reduction is not used
     * @return a new array of the weighted per-row losses in {@link Context#unit() the context's unit}
     *         ({@link Reduction#NONE})
     */
    public double[] logLossPerRow(int[] targets, double[] probs, int rows, int classes, double[] sampleWeights,
                               LossOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        LossMeasures.exactMatrix("probs", probs, rows, classes); // before allocating rows
        double[] out = new double[Math.max(rows, 0)];
        logLoss(targets, probs, rows, classes, sampleWeights, options.reduction(Reduction.NONE), out);
        return out;
    }

    /**
     * Weighted log loss of a range ({@code sampleWeights} may be null); per-row losses to {@code out}.
     *
     * @param targets one class index per row, in [0, classes) (scikit-learn's {@code y_true}, label-encoded)
     * @param targetOffset index in targets of the first target
     * @param probs row-major rows × classes predicted probabilities (scikit-learn's {@code y_pred}) read from
     *              {@code probs[offset ..+ rows·classes)}; finite and ≥ 0, each row summing to 1 unless
     *              {@link Context#normalization() the context's policy} is {@link Normalization#NORMALIZE}
     * @param offset index in probs of the first element read
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0; null for all 1
     * @param weightOffset index in sampleWeights of the first weight (unused when sampleWeights is null)
     * @param options reduction and clipping epsilon (none by default); MEAN divides by Σ wᵣ, as scikit-learn does,
     *                MEAN_BY_COUNT by the rows
     * @param out receives the weighted per-row losses in {@link Context#unit() the context's unit} at
     *            {@code out[outOffset ..+ rows)}; required for {@link Reduction#NONE}, may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double logLoss(int[] targets, int targetOffset, double[] probs, int offset, int rows, int classes,
                          double[] sampleWeights, int weightOffset, LossOptions options, double[] out, int outOffset) {
        return LossMeasures.logLoss(kernels, unit, normalization, targets, targetOffset, probs, offset, rows,
                classes, sampleWeights, weightOffset, options, out, outOffset);
    }

    /**
     * Binary cross-entropy −[y·ln p + (1 − y)·ln(1 − p)] per element
     * ({@code torch.nn.functional.binary_cross_entropy}), in {@link Context#unit() the context's unit}, mean over the
     * elements. Targets in [0, 1] (soft labels allowed), probabilities in [0, 1]; ln(1 − p) is computed as log1p(−p). A
     * term with a zero factor is 0, so p = 0 with y = 0 is fine, but p = 0 with y &gt; 0 (or p = 1 with y &lt; 1) gives
     * <b>+∞</b>: PyTorch clamps each log at −100 (a finite 100 nats), scikit-learn clips at eps; here clipping happens
     * only if asked for ({@link LossOptions#clip(double)}, {@link LossOptions#clipToTypeEpsilon()}).
     * Example: target 1, predicted 0.8 → −ln 0.8 = 0.2231 nats.
     *
     * @param targets the targets
     * @param probs predicted probabilities
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropy(float[] targets, float[] probs) {
        return binaryCrossEntropy(targets, probs, LossOptions.defaults());
    }

    /**
     * Binary cross-entropy with options (reduction, clipping); MEAN divides by the number of elements.
     *
     * @param targets the targets
     * @param probs predicted probabilities
     * @param options reduction and the other loss options
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit};
     *         {@link Reduction#NONE} needs {@code out} and throws NullPointerException here
     */
    public double binaryCrossEntropy(float[] targets, float[] probs, LossOptions options) {
        return LossMeasures.binary(kernels, unit, false, targets, probs, null, options, null);
    }

    /**
     * Binary cross-entropy of ranges; per-element losses to {@code out} if not null (required for NONE).
     *
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param probs predicted probabilities
     * @param probOffset index of the first probability
     * @param length number of elements read
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-element losses for
     *         {@link Reduction#NONE}), in {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropy(float[] targets, int targetOffset, float[] probs, int probOffset, int length,
                                     LossOptions options, float[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, false, targets, targetOffset, probs, probOffset, null, 0, length,
                options, out, outOffset);
    }

    /**
     * Binary cross-entropy from logits ({@code binary_cross_entropy_with_logits}), in
     * {@link Context#unit() the context's unit}, mean over the elements: posWeight·y·softplus(−x) + (1 −
     * y)·softplus(x), softplus(t) = max(t, 0) + log1p(exp(−|t|)) — exact for large |x| where ln(1 + eˣ) would overflow
     * or lose everything. x = ±∞ is allowed (a term with a zero factor is 0; PyTorch gives NaN for x = +∞, y = 1); NaN
     * is rejected. {@link LossOptions#posWeight(double)} multiplies only the positive term, as in PyTorch.
     *
     * @param targets the targets
     * @param logits the logits, one per target
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropyWithLogits(float[] targets, float[] logits) {
        return binaryCrossEntropyWithLogits(targets, logits, LossOptions.defaults());
    }

    /**
     * Binary cross-entropy from logits with options (reduction, posWeight).
     *
     * @param targets the targets
     * @param logits the logits, one per target
     * @param options reduction and the other loss options
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit};
     *         {@link Reduction#NONE} needs {@code out} and throws NullPointerException here
     */
    public double binaryCrossEntropyWithLogits(float[] targets, float[] logits, LossOptions options) {
        return LossMeasures.binary(kernels, unit, true, targets, logits, null, options, null);
    }

    /**
     * Binary cross-entropy from logits of ranges; per-element losses to {@code out} if not null.
     *
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param logits the logits, one per target
     * @param logitOffset index of the first logit
     * @param length number of elements read
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-element losses for
     *         {@link Reduction#NONE}), in {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropyWithLogits(float[] targets, int targetOffset, float[] logits, int logitOffset,
                                               int length, LossOptions options, float[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, true, targets, targetOffset, logits, logitOffset, null, 0, length,
                options, out, outOffset);
    }

    /**
     * Categorical log loss on probabilities, scikit-learn's {@code log_loss(y_true, y_pred)}: the mean over
     * rows of −ln p'[r, yᵣ], p' the row divided by its sum, in {@link Context#unit() the context's unit}. Computed as
     * −log1p(−others/Σ) for confident rows so that a small loss stays exact.
     * <p>Differences from scikit-learn 1.2: rows must sum to 1 within {@link Normalization#sumTolerance}
     * under {@link Normalization#REQUIRE} (the default; scikit-learn 1.2 divides silently, 1.5+ warns first) and are
     * divided by their sum under {@link Normalization#NORMALIZE} (scikit-learn's behaviour). No clipping by
     * default: p[r, yᵣ] = 0 gives +∞ where scikit-learn clips at eps = {@code finfo(dtype).eps}
     * ({@link LossOptions#clipToTypeEpsilon()} reproduces that: clip to [ε, 1 − ε], then normalise).
     * Targets are class indices in [0, classes) (scikit-learn's label encoding is the caller's job).
     *
     * @param targets the targets
     * @param probs predicted probabilities
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link Context#unit() the context's unit}
     */
    public double logLoss(int[] targets, float[] probs, int rows, int classes) {
        return logLoss(targets, probs, rows, classes, LossOptions.defaults());
    }

    /**
     * Log loss with options (reduction, clipping).
     *
     * @param targets the targets
     * @param probs predicted probabilities
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param options reduction and the other loss options
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit};
     *         {@link Reduction#NONE} needs {@code out} and throws NullPointerException here
     */
    public double logLoss(int[] targets, float[] probs, int rows, int classes, LossOptions options) {
        return LossMeasures.logLoss(kernels, unit, normalization, targets, probs, rows, classes, null, options,
                null);
    }

    /**
     * Log loss of the rows × classes matrix at {@code probs[offset ..]}; per-row losses to {@code out}.
     *
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param probs predicted probabilities
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param options reduction and the other loss options
     * @param out receives the per-row (or per-element) losses when the reduction is NONE; may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-row losses for
     *         {@link Reduction#NONE}), in {@link Context#unit() the context's unit}
     */
    public double logLoss(int[] targets, int targetOffset, float[] probs, int offset, int rows, int classes,
                          LossOptions options, float[] out, int outOffset) {
        return LossMeasures.logLoss(kernels, unit, normalization, targets, targetOffset, probs, offset, rows,
                classes, null, 0, options, out, outOffset);
    }
    /**
     * Binary cross-entropy with per-element weights, PyTorch's {@code weight}: ℓᵢ = wᵢ·−[yᵢ·ln pᵢ +
     * (1 − yᵢ)·ln(1 − pᵢ)] (a term with wᵢ = 0 is 0, also where the log is infinite; PyTorch: NaN).
     * {@link Reduction#MEAN} divides Σ ℓᵢ by the number of elements, as PyTorch does;
     * {@link Reduction#MEAN_BY_WEIGHT} divides by Σ wᵢ instead (scikit-learn's weighted mean). Weights must be
     * finite and ≥ 0; {@code weights} may be null (all 1). {@link Reduction#NONE} needs an output: use
     * {@link #binaryCrossEntropy(float[], float[], float[], LossOptions, float[])} or
     * {@link #binaryCrossEntropyPerElement}.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param probs predicted probabilities pᵢ in [0, 1], one per target; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by the number of elements,
     *                MEAN_BY_WEIGHT by Σ wᵢ
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropy(float[] targets, float[] probs, float[] weights, LossOptions options) {
        return binaryCrossEntropy(targets, probs, weights, options, null);
    }

    /**
     * As {@link #binaryCrossEntropy(float[], float[], float[], LossOptions)}, and if {@code out} is not null (required
     * for {@link Reduction#NONE}; length {@code targets.length}) the weighted per-element losses in
     * {@link Context#unit() the context's unit} are written to it. Returns the reduced loss (the sum for NONE).
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param probs predicted probabilities pᵢ in [0, 1], one per target; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by the number of elements,
     *                MEAN_BY_WEIGHT by Σ wᵢ
     * @param out receives the weighted per-element losses in {@link Context#unit() the context's unit}; length
     *            {@code targets.length}; required for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropy(float[] targets, float[] probs, float[] weights, LossOptions options, float[] out) {
        return LossMeasures.binary(kernels, unit, false, targets, probs, weights, options, out);
    }

    /**
     * The weighted per-element binary cross-entropies ({@link Reduction#NONE}) in
     * {@link Context#unit() the context's unit}, in a new array; {@code weights} may be null. The options' reduction is
     * not used.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param probs predicted probabilities pᵢ in [0, 1], one per target; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options clipping epsilon (none by default); its reduction is not used
     * @return a new array of the weighted per-element losses in {@link Context#unit() the context's unit}
     *         ({@link Reduction#NONE}; PyTorch's {@code reduction='none'})
     */
    public float[] binaryCrossEntropyPerElement(float[] targets, float[] probs, float[] weights, LossOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        float[] out = new float[LossMeasures.length("targets", targets)];
        binaryCrossEntropy(targets, probs, weights, options.reduction(Reduction.NONE), out);
        return out;
    }

    /**
     * Weighted binary cross-entropy of ranges ({@code weights} may be null); per-element losses to {@code out}.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param targetOffset index in targets of the first target
     * @param probs predicted probabilities pᵢ in [0, 1], one per target
     * @param probOffset index in probs of the first probability
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; null for all 1
     * @param weightOffset index in weights of the first weight (unused when weights is null)
     * @param length number of elements read from each array (≥ 0)
     * @param options reduction and clipping epsilon (none by default); MEAN divides by the number of elements,
     *                MEAN_BY_WEIGHT by Σ wᵢ
     * @param out receives the weighted per-element losses in {@link Context#unit() the context's unit} at
     *            {@code out[outOffset ..+ length)}; required for {@link Reduction#NONE}, may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropy(float[] targets, int targetOffset, float[] probs, int probOffset, float[] weights,
                                     int weightOffset, int length, LossOptions options, float[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, false, targets, targetOffset, probs, probOffset, weights,
                weightOffset, length, options, out, outOffset);
    }

    /**
     * Binary cross-entropy from logits with per-element weights, as {@code
     * torch.nn.functional.binary_cross_entropy_with_logits(x, y, weight, pos_weight=…)}: ℓᵢ = wᵢ·[posWeight·yᵢ·
     * softplus(−xᵢ) + (1 − yᵢ)·softplus(xᵢ)] = −wᵢ·[posWeight·yᵢ·ln σ(xᵢ) + (1 − yᵢ)·ln(1 − σ(xᵢ))]. MEAN divides by
     * the number of elements (PyTorch), MEAN_BY_WEIGHT by Σ wᵢ. Weights finite and ≥ 0, or null (all 1).
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param logits the logits xᵢ, one per target; ±∞ allowed, NaN rejected; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options reduction and posWeight (PyTorch's {@code pos_weight}, multiplies only the positive term); MEAN
     *                divides by the number of elements, MEAN_BY_WEIGHT by Σ wᵢ
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropyWithLogits(float[] targets, float[] logits, float[] weights, LossOptions options) {
        return binaryCrossEntropyWithLogits(targets, logits, weights, options, null);
    }

    /**
     * As {@link #binaryCrossEntropyWithLogits(float[], float[], float[], LossOptions)}, per-element losses to
     * {@code out} if not null.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param logits the logits xᵢ, one per target; ±∞ allowed, NaN rejected; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options reduction and posWeight (PyTorch's {@code pos_weight}, multiplies only the positive term); MEAN
     *                divides by the number of elements, MEAN_BY_WEIGHT by Σ wᵢ
     * @param out receives the weighted per-element losses in {@link Context#unit() the context's unit}; length
     *            {@code targets.length}; required for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropyWithLogits(float[] targets, float[] logits, float[] weights, LossOptions options,
                                               float[] out) {
        return LossMeasures.binary(kernels, unit, true, targets, logits, weights, options, out);
    }

    /**
     * The weighted per-element losses from logits ({@link Reduction#NONE}) in a new array; weights may be null.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param logits the logits xᵢ, one per target; ±∞ allowed, NaN rejected; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options posWeight (PyTorch's {@code pos_weight}); its reduction is not used
     * @return a new array of the weighted per-element losses in {@link Context#unit() the context's unit}
     *         ({@link Reduction#NONE}; PyTorch's {@code reduction='none'})
     */
    public float[] binaryCrossEntropyWithLogitsPerElement(float[] targets, float[] logits, float[] weights,
                                                        LossOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        float[] out = new float[LossMeasures.length("targets", targets)];
        binaryCrossEntropyWithLogits(targets, logits, weights, options.reduction(Reduction.NONE), out);
        return out;
    }

    /**
     * Weighted binary cross-entropy from logits of ranges ({@code weights} may be null).
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param targetOffset index in targets of the first target
     * @param logits the logits xᵢ, one per target; ±∞ allowed, NaN rejected
     * @param logitOffset index in logits of the first logit
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; null for all 1
     * @param weightOffset index in weights of the first weight (unused when weights is null)
     * @param length number of elements read from each array (≥ 0)
     * @param options reduction and posWeight (PyTorch's {@code pos_weight}, multiplies only the positive term); MEAN
     *                divides by the number of elements, MEAN_BY_WEIGHT by Σ wᵢ
     * @param out receives the weighted per-element losses in {@link Context#unit() the context's unit} at
     *            {@code out[outOffset ..+ length)}; required for {@link Reduction#NONE}, may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double binaryCrossEntropyWithLogits(float[] targets, int targetOffset, float[] logits, int logitOffset,
                                               float[] weights, int weightOffset, int length, LossOptions options,
                                               float[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, true, targets, targetOffset, logits, logitOffset, weights,
                weightOffset, length, options, out, outOffset);
    }

    /**
     * Log loss with per-sample weights, scikit-learn's {@code log_loss(y_true, y_pred, sample_weight=w)}:
     * Σ wᵣ·ℓᵣ / Σ wᵣ for {@link Reduction#MEAN} (= MEAN_BY_WEIGHT; MEAN_BY_COUNT divides by the rows). A row with
     * weight 0 contributes 0 even if its loss is infinite (scikit-learn: NaN). Weights finite and ≥ 0, one per row,
     * or null (all 1); per-row outputs are weighted.
     *
     * @param targets one class index per row, in [0, classes) (scikit-learn's {@code y_true}, label-encoded);
     *                {@code targets.length} must be {@code rows}
     * @param probs row-major rows × classes predicted probabilities (scikit-learn's {@code y_pred}), finite and ≥ 0,
     *              each row summing to 1 unless {@link Context#normalization() the context's policy} is
     *              {@link Normalization#NORMALIZE}; {@code probs.length} must be {@code rows * classes}
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0;
     *                      {@code sampleWeights.length} must be {@code rows}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by Σ wᵣ, as scikit-learn does,
     *                MEAN_BY_COUNT by the rows
     * @return the loss under the options' reduction, in {@link Context#unit() the context's unit}
     */
    public double logLoss(int[] targets, float[] probs, int rows, int classes, float[] sampleWeights,
                          LossOptions options) {
        return logLoss(targets, probs, rows, classes, sampleWeights, options, null);
    }

    /**
     * As {@link #logLoss(int[], float[], int, int, float[], LossOptions)}, weighted per-row losses to {@code out}
     * (length rows) if not null.
     *
     * @param targets one class index per row, in [0, classes) (scikit-learn's {@code y_true}, label-encoded);
     *                {@code targets.length} must be {@code rows}
     * @param probs row-major rows × classes predicted probabilities (scikit-learn's {@code y_pred}), finite and ≥ 0,
     *              each row summing to 1 unless {@link Context#normalization() the context's policy} is
     *              {@link Normalization#NORMALIZE}; {@code probs.length} must be {@code rows * classes}
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0;
     *                      {@code sampleWeights.length} must be {@code rows}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by Σ wᵣ, as scikit-learn does,
     *                MEAN_BY_COUNT by the rows
     * @param out receives the weighted per-row losses in {@link Context#unit() the context's unit}; length
     *            {@code rows}; required for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double logLoss(int[] targets, float[] probs, int rows, int classes, float[] sampleWeights,
                          LossOptions options, float[] out) {
        return LossMeasures.logLoss(kernels, unit, normalization, targets, probs, rows, classes, sampleWeights, options,
                out);
    }

    /**
     * The weighted per-row log losses ({@link Reduction#NONE}) in a new array; sampleWeights may be null.
     *
     * @param targets one class index per row, in [0, classes) (scikit-learn's {@code y_true}, label-encoded);
     *                {@code targets.length} must be {@code rows}
     * @param probs row-major rows × classes predicted probabilities (scikit-learn's {@code y_pred}), finite and ≥ 0,
     *              each row summing to 1 unless {@link Context#normalization() the context's policy} is
     *              {@link Normalization#NORMALIZE}; {@code probs.length} must be {@code rows * classes}
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0;
     *                      {@code sampleWeights.length} must be {@code rows}; null for all 1
     * @param options clipping epsilon (none by default); its reduction is not used
     * @return a new array of the weighted per-row losses in {@link Context#unit() the context's unit}
     *         ({@link Reduction#NONE})
     */
    public float[] logLossPerRow(int[] targets, float[] probs, int rows, int classes, float[] sampleWeights,
                               LossOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        LossMeasures.exactMatrix("probs", probs, rows, classes); // before allocating rows
        float[] out = new float[Math.max(rows, 0)];
        logLoss(targets, probs, rows, classes, sampleWeights, options.reduction(Reduction.NONE), out);
        return out;
    }

    /**
     * Weighted log loss of a range ({@code sampleWeights} may be null); per-row losses to {@code out}.
     *
     * @param targets one class index per row, in [0, classes) (scikit-learn's {@code y_true}, label-encoded)
     * @param targetOffset index in targets of the first target
     * @param probs row-major rows × classes predicted probabilities (scikit-learn's {@code y_pred}) read from
     *              {@code probs[offset ..+ rows·classes)}; finite and ≥ 0, each row summing to 1 unless
     *              {@link Context#normalization() the context's policy} is {@link Normalization#NORMALIZE}
     * @param offset index in probs of the first element read
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0; null for all 1
     * @param weightOffset index in sampleWeights of the first weight (unused when sampleWeights is null)
     * @param options reduction and clipping epsilon (none by default); MEAN divides by Σ wᵣ, as scikit-learn does,
     *                MEAN_BY_COUNT by the rows
     * @param out receives the weighted per-row losses in {@link Context#unit() the context's unit} at
     *            {@code out[outOffset ..+ rows)}; required for {@link Reduction#NONE}, may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link Context#unit() the context's unit}
     */
    public double logLoss(int[] targets, int targetOffset, float[] probs, int offset, int rows, int classes,
                          float[] sampleWeights, int weightOffset, LossOptions options, float[] out, int outOffset) {
        return LossMeasures.logLoss(kernels, unit, normalization, targets, targetOffset, probs, offset, rows,
                classes, sampleWeights, weightOffset, options, out, outOffset);
    }

    // ------------------------------------------------------------------------------------------ kl_div

    /**
     * PyTorch's {@code torch.nn.functional.kl_div(input, target, reduction, log_target)} over a rows × classes
     * matrix, in {@link Context#unit() the context's unit}: the element term is t·(ln t − x) for probability
     * targets ({@code logTarget = false}) and e^t·(t − x) for log-probability targets, x being the input
     * (log-probabilities). {@link KlDivReduction#BATCHMEAN} divides the sum by rows (the KL divergence per sample),
     * {@link KlDivReduction#MEAN} by rows × classes; rows = 0 gives 0.
     *
     * <p>Where we differ from PyTorch (1.13), deliberately: a term whose target is 0 (or −∞ with
     * {@code logTarget}) is 0 whatever x is — PyTorch computes 0·(−∞) = NaN there for x = −∞ (and, with
     * log_target, for every x); a NaN or +∞ input, a NaN or +∞ target, a negative probability target, and a term
     * e^t·(t − x) that overflows to NaN throw {@link IllegalArgumentException} naming the element, where PyTorch
     * returns NaN. x = −∞ against a positive target gives +∞, as in PyTorch. Inputs are not required to be
     * normalised log-probabilities (PyTorch does not check either).
     *
     * @param input log-probabilities x, row-major rows × classes; length {@code rows * classes}
     * @param target targets t (probabilities, or log-probabilities if {@code logTarget}); length {@code rows * classes}
     * @param rows number of rows (the batch size, ≥ 0)
     * @param classes elements per row (≥ 1)
     * @param reduction SUM, MEAN or BATCHMEAN ({@link KlDivReduction#NONE} needs the form with {@code out})
     * @param logTarget whether the targets are log-probabilities
     * @return the reduced loss, in the context's unit
     */
    public double klDiv(double[] input, double[] target, int rows, int classes, KlDivReduction reduction,
                        boolean logTarget) {
        klDivWhole(input == null ? -1 : input.length, target == null ? -1 : target.length, rows, classes);
        return klDiv(input, 0, target, 0, rows, classes, reduction, logTarget, null, 0);
    }

    /**
     * As {@link #klDiv(double[], double[], int, int, KlDivReduction, boolean)} for float input (computed in
     * double).
     *
     * @param input log-probabilities x, row-major rows × classes; length {@code rows * classes}
     * @param target targets t (probabilities, or log-probabilities if {@code logTarget}); length {@code rows * classes}
     * @param rows number of rows (the batch size, ≥ 0)
     * @param classes elements per row (≥ 1)
     * @param reduction SUM, MEAN or BATCHMEAN ({@link KlDivReduction#NONE} needs the form with {@code out})
     * @param logTarget whether the targets are log-probabilities
     * @return the reduced loss, in the context's unit
     */
    public double klDiv(float[] input, float[] target, int rows, int classes, KlDivReduction reduction,
                        boolean logTarget) {
        klDivWhole(input == null ? -1 : input.length, target == null ? -1 : target.length, rows, classes);
        return klDiv(input, 0, target, 0, rows, classes, reduction, logTarget, null, 0);
    }

    /**
     * {@code kl_div} of the rows × classes matrices at {@code input[inputOffset ..]} and
     * {@code target[targetOffset ..]} (see {@link #klDiv(double[], double[], int, int, KlDivReduction, boolean)});
     * if {@code out} is not null (required for {@link KlDivReduction#NONE}) the element terms, in the context's
     * unit, go to {@code out[outOffset + i]}. Allocates nothing.
     *
     * @param input log-probabilities x
     * @param inputOffset index of the first input
     * @param target targets t
     * @param targetOffset index of the first target
     * @param rows number of rows (the batch size, ≥ 0)
     * @param classes elements per row (≥ 1)
     * @param reduction the reduction
     * @param logTarget whether the targets are log-probabilities
     * @param out receives the element terms, or null (not with NONE)
     * @param outOffset index in out of the first term
     * @return the reduced loss (the sum for NONE), in the context's unit
     */
    public double klDiv(double[] input, int inputOffset, double[] target, int targetOffset, int rows, int classes,
                        KlDivReduction reduction, boolean logTarget, double[] out, int outOffset) {
        int n = klDivShape(input == null ? -1 : input.length, inputOffset, target == null ? -1 : target.length,
                targetOffset, rows, classes, reduction, out == null ? -1 : out.length, outOffset);
        return n == 0 ? 0.0 : klDivReduce(kernels.klDivLoss(input, inputOffset, target, targetOffset, n, logTarget,
                1.0 / unit.natsPerUnit(), out, outOffset), input, inputOffset, target, targetOffset, rows, classes,
                reduction, logTarget);
    }

    /**
     * As {@link #klDiv(double[], int, double[], int, int, int, KlDivReduction, boolean, double[], int)} for float
     * input and float terms.
     *
     * @param input log-probabilities x
     * @param inputOffset index of the first input
     * @param target targets t
     * @param targetOffset index of the first target
     * @param rows number of rows (the batch size, ≥ 0)
     * @param classes elements per row (≥ 1)
     * @param reduction the reduction
     * @param logTarget whether the targets are log-probabilities
     * @param out receives the element terms, or null (not with NONE)
     * @param outOffset index in out of the first term
     * @return the reduced loss (the sum for NONE), in the context's unit
     */
    public double klDiv(float[] input, int inputOffset, float[] target, int targetOffset, int rows, int classes,
                        KlDivReduction reduction, boolean logTarget, float[] out, int outOffset) {
        int n = klDivShape(input == null ? -1 : input.length, inputOffset, target == null ? -1 : target.length,
                targetOffset, rows, classes, reduction, out == null ? -1 : out.length, outOffset);
        return n == 0 ? 0.0 : klDivReduce(kernels.klDivLoss(input, inputOffset, target, targetOffset, n, logTarget,
                1.0 / unit.natsPerUnit(), out, outOffset), input, inputOffset, target, targetOffset, rows, classes,
                reduction, logTarget);
    }

    private static void klDivWhole(int inputLength, int targetLength, int rows, int classes) {
        KlDivChecks.whole(inputLength, targetLength, rows, classes);
    }

    private static int klDivShape(int inputLength, int inputOffset, int targetLength, int targetOffset, int rows,
                                  int classes, KlDivReduction reduction, int outLength, int outOffset) {
        return KlDivChecks.shape(inputLength, inputOffset, targetLength, targetOffset, rows, classes, reduction,
                outLength, outOffset);
    }

    private static double klDivReduce(double sum, Object input, int inputOffset, Object target, int targetOffset,
                                      int rows, int classes, KlDivReduction reduction, boolean logTarget) {
        if (sum != sum) {
            throw KlDivChecks.invalid(input, inputOffset, target, targetOffset, rows, classes, logTarget);
        }
        return switch (reduction) {
            case NONE, SUM -> sum;
            case MEAN -> sum / ((double) rows * classes);
            case BATCHMEAN -> sum / rows;
        };
    }
}

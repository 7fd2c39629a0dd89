package org.shannon4j;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.shannon4j.spi.Kernels;

/**
 * The entry point: an immutable, thread-safe handle that carries a backend, a unit and a normalisation
 * policy. Obtain one with {@link #get()} and derive variants with {@link #withUnit(InfoUnit)} and
 * {@link #withNormalization(Normalization)}; keep and share them freely.
 *
 * <pre>{@code
 * Shannon bits = Shannon.get().withUnit(InfoUnit.BITS);
 * double h  = bits.entropy(new double[] {0.5, 0.25, 0.25});     // 1.5 bits
 * double kl = bits.klDivergence(p, q);
 * }</pre>
 *
 * <h2>Conventions (all measures)</h2>
 * <ul>
 *   <li><b>Units.</b> Computed in nats (natural log) and converted once at the end to {@link #unit()}
 *       (default {@link InfoUnit#NATS}).</li>
 *   <li><b>Inputs.</b> Probability vectors as {@code double[]} or {@code float[]} (float is read as float and
 *       accumulated in double), whole or as {@code (array, offset, length)}. Every entry must be finite and
 *       ≥ 0; the first bad one is reported as {@code IllegalArgumentException("p[17] = -0.25: probabilities
 *       must be >= 0")}. Empty and all-zero vectors are rejected; {@code null} gives a
 *       {@code NullPointerException} naming the argument; a range outside the array an
 *       {@code IndexOutOfBoundsException}. Validation is fused into the single pass over the data.</li>
 *   <li><b>Normalisation.</b> Under {@link Normalization#REQUIRE} (default) each vector must sum to 1 within
 *       {@link Normalization#sumTolerance}; under {@link Normalization#NORMALIZE} it is divided by its sum, as
 *       scipy does. Either way the result is that of the normalised vectors.</li>
 *   <li><b>Zeros.</b> 0·ln 0 = 0; a term with p = 0 contributes 0 whatever q is; p &gt; 0 where q = 0 makes
 *       cross-entropy and KL divergence +∞ (the term is never skipped or clipped).</li>
 *   <li><b>Accuracy</b> (any backend, n ≤ 1e8, entries below 1e300; ε = 2.2e-16). Entropy and cross-entropy of
 *       double input: |error| ≤ 1e-13·|value| + 16ε, the absolute part being the rounding of Σp itself (it
 *       matters only for nearly degenerate distributions); unnormalised input adds a few ε·|ln Σ| from the
 *       normalisation (scipy has the same). KL and JS divergences cancel when p ≈ q, so their bound is
 *       absolute: ≤ 1e-13·Σ|termᵢ| + 16ε, a relative bound whenever the terms do not cancel. Float input:
 *       entropy and cross-entropy within 1e-6 relative (vector backends use float-precision logs, the terms
 *       having one sign); KL and JS are computed in double from the float values, with the double bound.
 *       Results that are ≥ 0 in exact arithmetic are clamped at 0, never a tiny negative. The conformance
 *       suite checks these bounds on every backend against a double-double reference.</li>
 * </ul>
 */
public final class Shannon {

    private static final ConcurrentMap<String, Shannon> BY_NAME = new ConcurrentHashMap<>();

    private final String backendName;
    private final Kernels kernels;
    private final InfoUnit unit;
    private final Normalization normalization;

    private Shannon(String backendName, Kernels kernels, InfoUnit unit, Normalization normalization) {
        this.backendName = backendName;
        this.kernels = kernels;
        this.unit = unit;
        this.normalization = normalization;
    }

    // ----------------------------------------------------------------------------------------------------
    // Backends
    // ----------------------------------------------------------------------------------------------------

    /**
     * The best supported backend (highest priority), in nats, with {@link Normalization#REQUIRE}. The system
     * property {@code -Dshannon4j.backend=NAME} overrides the choice.
     *
     * @throws IllegalArgumentException if {@code shannon4j.backend} names a backend that is unknown or
     *                                  unsupported here (the message lists what is available and why)
     * @throws IllegalStateException    if no backend at all is on the class or module path
     */
    public static Shannon get() {
        BackendRegistry.Entry chosen = BackendRegistry.defaultEntry();
        if (chosen == null) {
            String requested = System.getProperty(BackendRegistry.BACKEND_PROPERTY);
            if (requested != null && !requested.isBlank()) {
                BackendRegistry.byName(requested); // throws with the list of what is available
            }
            throw new IllegalStateException("no supported shannon4j backend: "
                    + BackendRegistry.describeAll(BackendRegistry.entries()));
        }
        return forEntry(chosen);
    }

    /**
     * The backend called {@code name} (case-insensitive), e.g. {@code "scalar"} or {@code "simd"}.
     *
     * @throws IllegalArgumentException if it is unknown or unsupported here; the message lists the available
     *                                  backends and why the others are unsupported
     */
    public static Shannon get(String name) {
        Objects.requireNonNull(name, "name must not be null");
        return forEntry(BackendRegistry.byName(name));
    }

    private static Shannon forEntry(BackendRegistry.Entry entry) {
        return BY_NAME.computeIfAbsent(entry.name(),
                n -> new Shannon(entry.name(), entry.kernels(), InfoUnit.NATS, Normalization.REQUIRE));
    }

    /** Every backend found, supported or not, highest priority first, with the reason for each verdict. */
    public static List<BackendInfo> backends() {
        return BackendRegistry.infos();
    }

    /** The name of this handle's backend. */
    public String backendName() {
        return backendName;
    }

    /** The unit of every result. */
    public InfoUnit unit() {
        return unit;
    }

    /** The policy for vectors that do not sum to 1. */
    public Normalization normalization() {
        return normalization;
    }

    /** The same backend and policy, results in {@code unit}. */
    public Shannon withUnit(InfoUnit unit) {
        Objects.requireNonNull(unit, "unit must not be null");
        return unit == this.unit ? this : new Shannon(backendName, kernels, unit, normalization);
    }

    /** The same backend and unit, with another normalisation policy. */
    public Shannon withNormalization(Normalization normalization) {
        Objects.requireNonNull(normalization, "normalization must not be null");
        return normalization == this.normalization ? this : new Shannon(backendName, kernels, unit, normalization);
    }

    @Override
    public String toString() {
        return "Shannon[backend=" + backendName + ", unit=" + unit + ", normalization=" + normalization + "]";
    }

    // ----------------------------------------------------------------------------------------------------
    // Entropy
    // ----------------------------------------------------------------------------------------------------

    /** Shannon entropy H(p) = −Σ pᵢ·ln pᵢ of the normalised p, in {@link #unit()}. */
    public double entropy(double[] p) {
        return entropy(p, 0, Checks.length("p", p));
    }

    /** Entropy of {@code p[offset .. offset+length)}. */
    public double entropy(double[] p, int offset, int length) {
        Checks.range("p", p, offset, length);
        return unit.fromNats(Measures.entropy(kernels, normalization, p, offset, length));
    }

    /** Entropy of float probabilities (read as float, accumulated in double). */
    public double entropy(float[] p) {
        return entropy(p, 0, Checks.length("p", p));
    }

    /** Entropy of {@code p[offset .. offset+length)}. */
    public double entropy(float[] p, int offset, int length) {
        Checks.range("p", p, offset, length);
        return unit.fromNats(Measures.entropy(kernels, normalization, p, offset, length));
    }

    // ----------------------------------------------------------------------------------------------------
    // Cross-entropy
    // ----------------------------------------------------------------------------------------------------

    /** Cross-entropy H(p, q) = −Σ pᵢ·ln qᵢ of the normalised p, q; +∞ if some pᵢ &gt; 0 where qᵢ = 0. */
    public double crossEntropy(double[] p, double[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return crossEntropy(p, 0, q, 0, n);
    }

    /** Cross-entropy of {@code p[pOffset ..+length)} against {@code q[qOffset ..+length)}. */
    public double crossEntropy(double[] p, int pOffset, double[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return unit.fromNats(Measures.crossEntropy(kernels, normalization, p, pOffset, q, qOffset, length));
    }

    /** Cross-entropy of float distributions. */
    public double crossEntropy(float[] p, float[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return crossEntropy(p, 0, q, 0, n);
    }

    /** Cross-entropy of float ranges. */
    public double crossEntropy(float[] p, int pOffset, float[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return unit.fromNats(Measures.crossEntropy(kernels, normalization, p, pOffset, q, qOffset, length));
    }

    // ----------------------------------------------------------------------------------------------------
    // Kullback–Leibler divergence
    // ----------------------------------------------------------------------------------------------------

    /**
     * Kullback–Leibler divergence KL(p ‖ q) = Σ pᵢ·ln(pᵢ/qᵢ) of the normalised p, q (scipy's
     * {@code entropy(p, q)}); +∞ if some pᵢ &gt; 0 where qᵢ = 0. Error bound: absolute, see the class comment.
     */
    public double klDivergence(double[] p, double[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return klDivergence(p, 0, q, 0, n);
    }

    /** KL divergence of {@code p[pOffset ..+length)} from {@code q[qOffset ..+length)}. */
    public double klDivergence(double[] p, int pOffset, double[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return unit.fromNats(Measures.klDivergence(kernels, normalization, p, pOffset, q, qOffset, length));
    }

    /** KL divergence of float distributions. */
    public double klDivergence(float[] p, float[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return klDivergence(p, 0, q, 0, n);
    }

    /** KL divergence of float ranges. */
    public double klDivergence(float[] p, int pOffset, float[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return unit.fromNats(Measures.klDivergence(kernels, normalization, p, pOffset, q, qOffset, length));
    }

    // ----------------------------------------------------------------------------------------------------
    // Jensen–Shannon divergence and distance
    // ----------------------------------------------------------------------------------------------------

    /**
     * Jensen–Shannon divergence JS(p, q) = ½·KL(p ‖ m) + ½·KL(q ‖ m), m = (p + q)/2, of the normalised p, q:
     * finite, symmetric, between 0 and ln 2 nats (1 bit). Error bound: absolute, see the class comment.
     */
    public double jsDivergence(double[] p, double[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return jsDivergence(p, 0, q, 0, n);
    }

    /** JS divergence of two double ranges. */
    public double jsDivergence(double[] p, int pOffset, double[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return unit.fromNats(Measures.jsDivergence(kernels, normalization, p, pOffset, q, qOffset, length));
    }

    /** JS divergence of float distributions. */
    public double jsDivergence(float[] p, float[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return jsDivergence(p, 0, q, 0, n);
    }

    /** JS divergence of two float ranges. */
    public double jsDivergence(float[] p, int pOffset, float[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return unit.fromNats(Measures.jsDivergence(kernels, normalization, p, pOffset, q, qOffset, length));
    }

    /**
     * Jensen–Shannon distance √JS with JS in {@link #unit()}: a metric, as scipy's
     * {@code jensenshannon(p, q, base)} (which also normalises). Between 0 and √(ln 2) nats, 1 in bits.
     */
    public double jsDistance(double[] p, double[] q) {
        return Math.sqrt(jsDivergence(p, q));
    }

    /** JS distance of two double ranges. */
    public double jsDistance(double[] p, int pOffset, double[] q, int qOffset, int length) {
        return Math.sqrt(jsDivergence(p, pOffset, q, qOffset, length));
    }

    /** JS distance of float distributions. */
    public double jsDistance(float[] p, float[] q) {
        return Math.sqrt(jsDivergence(p, q));
    }

    /** JS distance of two float ranges. */
    public double jsDistance(float[] p, int pOffset, float[] q, int qOffset, int length) {
        return Math.sqrt(jsDivergence(p, pOffset, q, qOffset, length));
    }

    // ----------------------------------------------------------------------------------------------------
    // Cross-entropy losses (issue 4): softmax, binary, log loss. Written once in LossMeasures.
    // ----------------------------------------------------------------------------------------------------
    //
    // Shared conventions (see also Reduction, SoftmaxLossOptions, LossOptions):
    //  * Results are in unit() (nats by default); per-element outputs and gradients are scaled to the unit too.
    //  * Matrices are row-major (rows × classes); whole-array forms require length == rows × classes.
    //  * rows = 0 is allowed: the sum is 0 and a mean over nothing is 0 (never NaN).
    //  * float input is read as float and computed in double; per-element outputs of float input are float.

    /**
     * Softmax cross-entropy from logits with class-index targets ({@code torch.nn.functional.cross_entropy}),
     * in {@link #unit()}: row r's loss is −ln softmax(z_r)[y_r] = (m − z_y) + log1p(Σ_{c ≠ argmax} exp(z_c − m))
     * with m = max z_r — the log-sum-exp form that stays exact for huge logits (±1e4) and keeps a tiny loss
     * exact when the target dominates. Defaults: no weights, ignore index −100, no smoothing,
     * {@link Reduction#MEAN}, the mean over the rows whose target is not ignored.
     *
     * <p>Edge cases: a logit of −∞ is a masked class (probability 0; +∞ loss if it is the target); NaN or +∞
     * logits, a row of only −∞ and a target outside [0, classes) that is not the ignore index throw
     * {@link IllegalArgumentException} naming the element (PyTorch returns NaN or fails on the device).
     * If every target is ignored the mean is 0 (PyTorch: NaN); {@link #softmaxCrossEntropyResult} gives the
     * count.
     *
     * @param logits  row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}
     * @param targets one class index per row; {@code targets.length} must be {@code rows}
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
     *   <li>{@link Reduction#NONE} needs the offset form with an output array.</li>
     * </ul>
     */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, int[] targets,
                                      SoftmaxLossOptions options) {
        LossMeasures.exactMatrix("logits", logits, rows, classes);
        LossMeasures.exactLength("targets", targets, rows, "rows");
        return softmaxCrossEntropy(logits, 0, rows, classes, targets, 0, options, null, 0);
    }

    /**
     * Softmax cross-entropy of the rows × classes matrix at {@code logits[offset ..]} with class indices at
     * {@code targets[targetOffset ..]}. If {@code out} is not null (required with {@link Reduction#NONE}),
     * the weighted per-row losses ℓᵣ in {@link #unit()} are written to {@code out[outOffset + r]} (0 for an
     * ignored row). Returns the reduced loss (the sum for NONE). Allocates nothing.
     *
     * @see #softmaxCrossEntropy(double[], int, int, int[], SoftmaxLossOptions)
     */
    public double softmaxCrossEntropy(double[] logits, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, SoftmaxLossOptions options, double[] out, int outOffset) {
        return LossMeasures.softmaxIndex(kernels, unit, logits, offset, rows, classes, targets, targetOffset,
                options, out, outOffset, null, 0);
    }

    /**
     * As {@link #softmaxCrossEntropy(double[], int, int, int, int[], int, SoftmaxLossOptions, double[], int)}, also
     * returning the sum, Σ w[yᵣ] and the number of non-ignored rows (allocates the small result).
     */
    public LossResult softmaxCrossEntropyResult(double[] logits, int offset, int rows, int classes, int[] targets,
                                                int targetOffset, SoftmaxLossOptions options, double[] out,
                                                int outOffset) {
        double v = softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, options, out,
                outOffset);
        return LossMeasures.lastResult(v);
    }

    /**
     * The reduced softmax cross-entropy (as
     * {@link #softmaxCrossEntropy(double[], int, int, int, int[], int, SoftmaxLossOptions, double[], int)}, the sum
     * for {@link Reduction#NONE}) and its gradient with respect to the logits, written to
     * {@code grad[gradOffset ..+ rows·classes)}: A·softmax(z_r) − a (softmax − one-hot without weights and
     * smoothing), divided by the mean's denominator and, like the loss, scaled to {@link #unit()} (in bits
     * the gradient is divided by ln 2). Ignored rows get 0. For NONE and SUM it is the gradient of the sum.
     */
    public double softmaxCrossEntropyGradient(double[] logits, int offset, int rows, int classes, int[] targets,
                                              int targetOffset, SoftmaxLossOptions options, double[] grad,
                                              int gradOffset) {
        java.util.Objects.requireNonNull(grad, "grad must not be null");
        return LossMeasures.softmaxIndex(kernels, unit, logits, offset, rows, classes, targets, targetOffset,
                options, null, 0, grad, gradOffset);
    }

    /**
     * Softmax cross-entropy with probability targets (soft labels; PyTorch's {@code cross_entropy} with a
     * probability target), in {@link #unit()}: ℓᵣ = −Σ_c w[c]·q'_rc·ln softmax(z_r)_c with
     * q' = (1 − ε)·q + ε/C. Targets must be finite and ≥ 0; rows are not required to sum to 1 (as in PyTorch).
     * A zero target on a −∞ logit contributes 0 (PyTorch: NaN). {@link Reduction#MEAN} divides by the number
     * of rows, as PyTorch does ({@link Reduction#MEAN_BY_COUNT}); {@link Reduction#MEAN_BY_WEIGHT} divides
     * by Σᵣ Σ_c w[c]·q'_rc instead (Σ w[yᵣ] for one-hot rows). The ignore index does not apply.
     */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, double[] targets) {
        return softmaxCrossEntropy(logits, rows, classes, targets, SoftmaxLossOptions.defaults());
    }

    /** Probability targets with options; see {@link #softmaxCrossEntropy(double[], int, int, double[])}. */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, double[] targets,
                                      SoftmaxLossOptions options) {
        LossMeasures.exactMatrix("logits", logits, rows, classes);
        LossMeasures.exactMatrix("targets", targets, rows, classes);
        return softmaxCrossEntropy(logits, 0, rows, classes, targets, 0, options, null, 0);
    }

    /** Probability targets, offset form; per-row losses to {@code out} if not null (required for NONE). */
    public double softmaxCrossEntropy(double[] logits, int offset, int rows, int classes, double[] targets,
                                      int targetOffset, SoftmaxLossOptions options, double[] out, int outOffset) {
        return LossMeasures.softmaxProbs(kernels, unit, logits, offset, rows, classes, targets, targetOffset,
                options, out, outOffset, null, 0);
    }

    /** Probability targets, with the sum, Σ A_r and the row count. */
    public LossResult softmaxCrossEntropyResult(double[] logits, int offset, int rows, int classes, double[] targets,
                                                int targetOffset, SoftmaxLossOptions options, double[] out,
                                                int outOffset) {
        double v = softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, options, out,
                outOffset);
        return LossMeasures.lastResult(v);
    }

    /** Probability targets: the reduced loss and its gradient A·softmax(z_r) − a (see the class-index form). */
    public double softmaxCrossEntropyGradient(double[] logits, int offset, int rows, int classes, double[] targets,
                                              int targetOffset, SoftmaxLossOptions options, double[] grad,
                                              int gradOffset) {
        java.util.Objects.requireNonNull(grad, "grad must not be null");
        return LossMeasures.softmaxProbs(kernels, unit, logits, offset, rows, classes, targets, targetOffset,
                options, null, 0, grad, gradOffset);
    }

    /**
     * Softmax cross-entropy from logits with class-index targets ({@code torch.nn.functional.cross_entropy}),
     * in {@link #unit()}: row r's loss is −ln softmax(z_r)[y_r] = (m − z_y) + log1p(Σ_{c ≠ argmax} exp(z_c − m))
     * with m = max z_r — the log-sum-exp form that stays exact for huge logits (±1e4) and keeps a tiny loss
     * exact when the target dominates. Defaults: no weights, ignore index −100, no smoothing,
     * {@link Reduction#MEAN}, the mean over the rows whose target is not ignored.
     *
     * <p>Edge cases: a logit of −∞ is a masked class (probability 0; +∞ loss if it is the target); NaN or +∞
     * logits, a row of only −∞ and a target outside [0, classes) that is not the ignore index throw
     * {@link IllegalArgumentException} naming the element (PyTorch returns NaN or fails on the device).
     * If every target is ignored the mean is 0 (PyTorch: NaN); {@link #softmaxCrossEntropyResult} gives the
     * count.
     *
     * @param logits  row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}
     * @param targets one class index per row; {@code targets.length} must be {@code rows}
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
     *   <li>{@link Reduction#NONE} needs the offset form with an output array.</li>
     * </ul>
     */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, int[] targets,
                                      SoftmaxLossOptions options) {
        LossMeasures.exactMatrix("logits", logits, rows, classes);
        LossMeasures.exactLength("targets", targets, rows, "rows");
        return softmaxCrossEntropy(logits, 0, rows, classes, targets, 0, options, null, 0);
    }

    /**
     * Softmax cross-entropy of the rows × classes matrix at {@code logits[offset ..]} with class indices at
     * {@code targets[targetOffset ..]}. If {@code out} is not null (required with {@link Reduction#NONE}),
     * the weighted per-row losses ℓᵣ in {@link #unit()} are written to {@code out[outOffset + r]} (0 for an
     * ignored row). Returns the reduced loss (the sum for NONE). Allocates nothing.
     *
     * @see #softmaxCrossEntropy(float[], int, int, int[], SoftmaxLossOptions)
     */
    public double softmaxCrossEntropy(float[] logits, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, SoftmaxLossOptions options, float[] out, int outOffset) {
        return LossMeasures.softmaxIndex(kernels, unit, logits, offset, rows, classes, targets, targetOffset,
                options, out, outOffset, null, 0);
    }

    /**
     * As {@link #softmaxCrossEntropy(float[], int, int, int, int[], int, SoftmaxLossOptions, float[], int)}, also
     * returning the sum, Σ w[yᵣ] and the number of non-ignored rows (allocates the small result).
     */
    public LossResult softmaxCrossEntropyResult(float[] logits, int offset, int rows, int classes, int[] targets,
                                                int targetOffset, SoftmaxLossOptions options, float[] out,
                                                int outOffset) {
        double v = softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, options, out,
                outOffset);
        return LossMeasures.lastResult(v);
    }

    /**
     * The reduced softmax cross-entropy (as
     * {@link #softmaxCrossEntropy(float[], int, int, int, int[], int, SoftmaxLossOptions, float[], int)}, the sum
     * for {@link Reduction#NONE}) and its gradient with respect to the logits, written to
     * {@code grad[gradOffset ..+ rows·classes)}: A·softmax(z_r) − a (softmax − one-hot without weights and
     * smoothing), divided by the mean's denominator and, like the loss, scaled to {@link #unit()} (in bits
     * the gradient is divided by ln 2). Ignored rows get 0. For NONE and SUM it is the gradient of the sum.
     */
    public double softmaxCrossEntropyGradient(float[] logits, int offset, int rows, int classes, int[] targets,
                                              int targetOffset, SoftmaxLossOptions options, float[] grad,
                                              int gradOffset) {
        java.util.Objects.requireNonNull(grad, "grad must not be null");
        return LossMeasures.softmaxIndex(kernels, unit, logits, offset, rows, classes, targets, targetOffset,
                options, null, 0, grad, gradOffset);
    }

    /**
     * Softmax cross-entropy with probability targets (soft labels; PyTorch's {@code cross_entropy} with a
     * probability target), in {@link #unit()}: ℓᵣ = −Σ_c w[c]·q'_rc·ln softmax(z_r)_c with
     * q' = (1 − ε)·q + ε/C. Targets must be finite and ≥ 0; rows are not required to sum to 1 (as in PyTorch).
     * A zero target on a −∞ logit contributes 0 (PyTorch: NaN). {@link Reduction#MEAN} divides by the number
     * of rows, as PyTorch does ({@link Reduction#MEAN_BY_COUNT}); {@link Reduction#MEAN_BY_WEIGHT} divides
     * by Σᵣ Σ_c w[c]·q'_rc instead (Σ w[yᵣ] for one-hot rows). The ignore index does not apply.
     */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, float[] targets) {
        return softmaxCrossEntropy(logits, rows, classes, targets, SoftmaxLossOptions.defaults());
    }

    /** Probability targets with options; see {@link #softmaxCrossEntropy(float[], int, int, float[])}. */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, float[] targets,
                                      SoftmaxLossOptions options) {
        LossMeasures.exactMatrix("logits", logits, rows, classes);
        LossMeasures.exactMatrix("targets", targets, rows, classes);
        return softmaxCrossEntropy(logits, 0, rows, classes, targets, 0, options, null, 0);
    }

    /** Probability targets, offset form; per-row losses to {@code out} if not null (required for NONE). */
    public double softmaxCrossEntropy(float[] logits, int offset, int rows, int classes, float[] targets,
                                      int targetOffset, SoftmaxLossOptions options, float[] out, int outOffset) {
        return LossMeasures.softmaxProbs(kernels, unit, logits, offset, rows, classes, targets, targetOffset,
                options, out, outOffset, null, 0);
    }

    /** Probability targets, with the sum, Σ A_r and the row count. */
    public LossResult softmaxCrossEntropyResult(float[] logits, int offset, int rows, int classes, float[] targets,
                                                int targetOffset, SoftmaxLossOptions options, float[] out,
                                                int outOffset) {
        double v = softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, options, out,
                outOffset);
        return LossMeasures.lastResult(v);
    }

    /** Probability targets: the reduced loss and its gradient A·softmax(z_r) − a (see the class-index form). */
    public double softmaxCrossEntropyGradient(float[] logits, int offset, int rows, int classes, float[] targets,
                                              int targetOffset, SoftmaxLossOptions options, float[] grad,
                                              int gradOffset) {
        java.util.Objects.requireNonNull(grad, "grad must not be null");
        return LossMeasures.softmaxProbs(kernels, unit, logits, offset, rows, classes, targets, targetOffset,
                options, null, 0, grad, gradOffset);
    }

    /**
     * Binary cross-entropy −[y·ln p + (1 − y)·ln(1 − p)] per element ({@code torch.nn.functional.binary_cross_entropy}),
     * in {@link #unit()}, mean over the elements. Targets in [0, 1] (soft labels allowed), probabilities in
     * [0, 1]; ln(1 − p) is computed as log1p(−p). A term with a zero factor is 0, so p = 0 with y = 0 is fine,
     * but p = 0 with y &gt; 0 (or p = 1 with y &lt; 1) gives <b>+∞</b>: PyTorch clamps each log at −100
     * (a finite 100 nats), scikit-learn clips at eps; here clipping happens only if asked for
     * ({@link LossOptions#clip(double)}, {@link LossOptions#clipToTypeEpsilon()}).
     * Example: target 1, predicted 0.8 → −ln 0.8 = 0.2231 nats.
     */
    public double binaryCrossEntropy(double[] targets, double[] probs) {
        return binaryCrossEntropy(targets, probs, LossOptions.defaults());
    }

    /** Binary cross-entropy with options (reduction, clipping); MEAN divides by the number of elements. */
    public double binaryCrossEntropy(double[] targets, double[] probs, LossOptions options) {
        int n = LossMeasures.length("targets", targets);
        LossMeasures.exactLength("probs", probs, n, "targets.length");
        return binaryCrossEntropy(targets, 0, probs, 0, n, options, null, 0);
    }

    /** Binary cross-entropy of ranges; per-element losses to {@code out} if not null (required for NONE). */
    public double binaryCrossEntropy(double[] targets, int targetOffset, double[] probs, int probOffset, int length,
                                     LossOptions options, double[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, false, targets, targetOffset, probs, probOffset, length, options,
                out, outOffset);
    }

    /**
     * Binary cross-entropy from logits ({@code binary_cross_entropy_with_logits}), in {@link #unit()}, mean
     * over the elements: posWeight·y·softplus(−x) + (1 − y)·softplus(x), softplus(t) = max(t, 0) +
     * log1p(exp(−|t|)) — exact for large |x| where ln(1 + eˣ) would overflow or lose everything. x = ±∞ is
     * allowed (a term with a zero factor is 0; PyTorch gives NaN for x = +∞, y = 1); NaN is rejected.
     * {@link LossOptions#posWeight(double)} multiplies only the positive term, as in PyTorch.
     */
    public double binaryCrossEntropyWithLogits(double[] targets, double[] logits) {
        return binaryCrossEntropyWithLogits(targets, logits, LossOptions.defaults());
    }

    /** Binary cross-entropy from logits with options (reduction, posWeight). */
    public double binaryCrossEntropyWithLogits(double[] targets, double[] logits, LossOptions options) {
        int n = LossMeasures.length("targets", targets);
        LossMeasures.exactLength("logits", logits, n, "targets.length");
        return binaryCrossEntropyWithLogits(targets, 0, logits, 0, n, options, null, 0);
    }

    /** Binary cross-entropy from logits of ranges; per-element losses to {@code out} if not null. */
    public double binaryCrossEntropyWithLogits(double[] targets, int targetOffset, double[] logits, int logitOffset,
                                               int length, LossOptions options, double[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, true, targets, targetOffset, logits, logitOffset, length, options,
                out, outOffset);
    }

    /**
     * Categorical log loss on probabilities, scikit-learn's {@code log_loss(y_true, y_pred)}: the mean over
     * rows of −ln p'[r, yᵣ], p' the row divided by its sum, in {@link #unit()}. Computed as
     * −log1p(−others/Σ) for confident rows so that a small loss stays exact.
     * <p>Differences from scikit-learn 1.2: rows must sum to 1 within {@link Normalization#sumTolerance}
     * under {@link Normalization#REQUIRE} (the default; scikit-learn 1.2 divides silently, 1.5+ warns first) and are
     * divided by their sum under {@link Normalization#NORMALIZE} (scikit-learn's behaviour). No clipping by
     * default: p[r, yᵣ] = 0 gives +∞ where scikit-learn clips at eps = {@code finfo(dtype).eps}
     * ({@link LossOptions#clipToTypeEpsilon()} reproduces that: clip to [ε, 1 − ε], then normalise).
     * Targets are class indices in [0, classes) (scikit-learn's label encoding is the caller's job).
     */
    public double logLoss(int[] targets, double[] probs, int rows, int classes) {
        return logLoss(targets, probs, rows, classes, LossOptions.defaults());
    }

    /** Log loss with options (reduction, clipping). */
    public double logLoss(int[] targets, double[] probs, int rows, int classes, LossOptions options) {
        LossMeasures.exactMatrix("probs", probs, rows, classes);
        LossMeasures.exactLength("targets", targets, rows, "rows");
        return logLoss(targets, 0, probs, 0, rows, classes, options, null, 0);
    }

    /** Log loss of the rows × classes matrix at {@code probs[offset ..]}; per-row losses to {@code out}. */
    public double logLoss(int[] targets, int targetOffset, double[] probs, int offset, int rows, int classes,
                          LossOptions options, double[] out, int outOffset) {
        return LossMeasures.logLoss(kernels, unit, normalization, targets, targetOffset, probs, offset, rows,
                classes, options, out, outOffset);
    }

    /**
     * Binary cross-entropy −[y·ln p + (1 − y)·ln(1 − p)] per element ({@code torch.nn.functional.binary_cross_entropy}),
     * in {@link #unit()}, mean over the elements. Targets in [0, 1] (soft labels allowed), probabilities in
     * [0, 1]; ln(1 − p) is computed as log1p(−p). A term with a zero factor is 0, so p = 0 with y = 0 is fine,
     * but p = 0 with y &gt; 0 (or p = 1 with y &lt; 1) gives <b>+∞</b>: PyTorch clamps each log at −100
     * (a finite 100 nats), scikit-learn clips at eps; here clipping happens only if asked for
     * ({@link LossOptions#clip(double)}, {@link LossOptions#clipToTypeEpsilon()}).
     * Example: target 1, predicted 0.8 → −ln 0.8 = 0.2231 nats.
     */
    public double binaryCrossEntropy(float[] targets, float[] probs) {
        return binaryCrossEntropy(targets, probs, LossOptions.defaults());
    }

    /** Binary cross-entropy with options (reduction, clipping); MEAN divides by the number of elements. */
    public double binaryCrossEntropy(float[] targets, float[] probs, LossOptions options) {
        int n = LossMeasures.length("targets", targets);
        LossMeasures.exactLength("probs", probs, n, "targets.length");
        return binaryCrossEntropy(targets, 0, probs, 0, n, options, null, 0);
    }

    /** Binary cross-entropy of ranges; per-element losses to {@code out} if not null (required for NONE). */
    public double binaryCrossEntropy(float[] targets, int targetOffset, float[] probs, int probOffset, int length,
                                     LossOptions options, float[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, false, targets, targetOffset, probs, probOffset, length, options,
                out, outOffset);
    }

    /**
     * Binary cross-entropy from logits ({@code binary_cross_entropy_with_logits}), in {@link #unit()}, mean
     * over the elements: posWeight·y·softplus(−x) + (1 − y)·softplus(x), softplus(t) = max(t, 0) +
     * log1p(exp(−|t|)) — exact for large |x| where ln(1 + eˣ) would overflow or lose everything. x = ±∞ is
     * allowed (a term with a zero factor is 0; PyTorch gives NaN for x = +∞, y = 1); NaN is rejected.
     * {@link LossOptions#posWeight(double)} multiplies only the positive term, as in PyTorch.
     */
    public double binaryCrossEntropyWithLogits(float[] targets, float[] logits) {
        return binaryCrossEntropyWithLogits(targets, logits, LossOptions.defaults());
    }

    /** Binary cross-entropy from logits with options (reduction, posWeight). */
    public double binaryCrossEntropyWithLogits(float[] targets, float[] logits, LossOptions options) {
        int n = LossMeasures.length("targets", targets);
        LossMeasures.exactLength("logits", logits, n, "targets.length");
        return binaryCrossEntropyWithLogits(targets, 0, logits, 0, n, options, null, 0);
    }

    /** Binary cross-entropy from logits of ranges; per-element losses to {@code out} if not null. */
    public double binaryCrossEntropyWithLogits(float[] targets, int targetOffset, float[] logits, int logitOffset,
                                               int length, LossOptions options, float[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, true, targets, targetOffset, logits, logitOffset, length, options,
                out, outOffset);
    }

    /**
     * Categorical log loss on probabilities, scikit-learn's {@code log_loss(y_true, y_pred)}: the mean over
     * rows of −ln p'[r, yᵣ], p' the row divided by its sum, in {@link #unit()}. Computed as
     * −log1p(−others/Σ) for confident rows so that a small loss stays exact.
     * <p>Differences from scikit-learn 1.2: rows must sum to 1 within {@link Normalization#sumTolerance}
     * under {@link Normalization#REQUIRE} (the default; scikit-learn 1.2 divides silently, 1.5+ warns first) and are
     * divided by their sum under {@link Normalization#NORMALIZE} (scikit-learn's behaviour). No clipping by
     * default: p[r, yᵣ] = 0 gives +∞ where scikit-learn clips at eps = {@code finfo(dtype).eps}
     * ({@link LossOptions#clipToTypeEpsilon()} reproduces that: clip to [ε, 1 − ε], then normalise).
     * Targets are class indices in [0, classes) (scikit-learn's label encoding is the caller's job).
     */
    public double logLoss(int[] targets, float[] probs, int rows, int classes) {
        return logLoss(targets, probs, rows, classes, LossOptions.defaults());
    }

    /** Log loss with options (reduction, clipping). */
    public double logLoss(int[] targets, float[] probs, int rows, int classes, LossOptions options) {
        LossMeasures.exactMatrix("probs", probs, rows, classes);
        LossMeasures.exactLength("targets", targets, rows, "rows");
        return logLoss(targets, 0, probs, 0, rows, classes, options, null, 0);
    }

    /** Log loss of the rows × classes matrix at {@code probs[offset ..]}; per-row losses to {@code out}. */
    public double logLoss(int[] targets, int targetOffset, float[] probs, int offset, int rows, int classes,
                          LossOptions options, float[] out, int outOffset) {
        return LossMeasures.logLoss(kernels, unit, normalization, targets, targetOffset, probs, offset, rows,
                classes, options, out, outOffset);
    }
}

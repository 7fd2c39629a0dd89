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
}

package org.shannon4j;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

import org.shannon4j.dependence.Dependence;
import org.shannon4j.internal.Checks;
import org.shannon4j.loss.Losses;
import org.shannon4j.rows.RowMeasures;
import org.shannon4j.spi.Context;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

/**
 * The entry point: an immutable, thread-safe handle that carries a backend, a unit, a normalisation policy and
 * a parallelism (together its {@link #context()}), and the distribution measures: entropy, cross-entropy, KL and
 * Jensen–Shannon divergence, Jensen–Shannon and Hellinger distance. Obtain one with {@link #get()} and derive
 * variants with {@link #withUnit(InfoUnit)}, {@link #withNormalization(Normalization)} and
 * {@link #withParallelism(int)}; keep and share them freely.
 *
 * <h2>Families</h2>
 * The other families of measures are entry types bound to the same context, so they share the handle's backend,
 * unit, policy and threads: {@link #dependence()} (entropy of labels and counts, mutual information and its
 * relatives, estimators, independence tests; package {@code org.shannon4j.dependence}) and {@link #losses()}
 * (the cross-entropy losses of machine learning; package {@code org.shannon4j.loss}). A family of another module
 * builds its entry type from {@link #context()} the same way.
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
 *       scipy does. Either way the result is that of the normalised vectors. NORMALIZE input whose sum fits in
 *       a double but whose terms do not (entries from about 2.5e305, where p·ln p exceeds the double maximum)
 *       gives an {@code IllegalArgumentException} ("the terms p·ln p over p[0..n) overflow the double range:
 *       scale the input down"), never a clamped or infinite value; Jensen–Shannon divergence, whose terms are
 *       bounded, is computed for any such input.</li>
 *   <li><b>Zeros.</b> 0·ln 0 = 0; a term with p = 0 contributes 0 whatever q is; p &gt; 0 where q = 0 makes
 *       cross-entropy and KL divergence +∞ (the term is never skipped or clipped). −0.0 is a zero like +0.0.</li>
 *   <li><b>Same bits.</b> A backend gives the same bits for the same input to the same method on every call,
 *       interpreted, C1- or C2-compiled (every measure of the handle and of its families); Jensen–Shannon
 *       divergence and distance and the Hellinger distances are symmetric to the bit. Different backends, vector
 *       widths, or arrays and segments holding the same values agree within the accuracy bounds below.</li>
 *   <li><b>Accuracy</b> (any backend, n ≤ 1e8, entries below 1e300; ε = 2.2e-16). Entropy and cross-entropy of
 *       double input: |error| ≤ 1e-13·|value| + 80ε, the absolute part being the rounding of Σp itself (it
 *       matters only for nearly degenerate distributions: the kernels add up to 128 elements into one partial
 *       sum before the compensated sum of the partials, each addition rounding by up to ε/2 of the partial, so
 *       one entry near 1 among many tiny ones can leave about 70ε; a few ε is typical); unnormalised input adds a few ε·|ln Σ| from the
 *       normalisation (scipy has the same). KL and JS divergences cancel when p ≈ q, so their bound is
 *       absolute: ≤ 1e-13·Σ|termᵢ| + 80ε (KL: + 160ε, as its ln(Σq/Σp) takes the rounding of both sums, which
 *       can go opposite ways), a relative bound whenever the terms do not cancel. Float input:
 *       entropy and cross-entropy within 1e-6 relative (vector backends use float-precision logs, the terms
 *       having one sign); KL and JS are computed in double from the float values, with the double bound.
 *       Squared Hellinger distance (unitless, double or float input): |error| ≤ 1e-13·H² + 80ε·H + 80ε.
 *       Results that are ≥ 0 in exact arithmetic are clamped at 0, never a tiny negative. The conformance
 *       suite checks these bounds on every backend against a double-double reference.</li>
 *   <li><b>Large inputs.</b> {@link #withParallelism(int)} spreads long inputs over threads (the bounds above
 *       hold for every thread count; {@link #withDeterministicParallelism(boolean)} makes results bit-identical
 *       across thread counts), and every measure also reads {@link MemorySegment}s — off-heap, memory-mapped,
 *       longer than 2³¹ elements. See the last section of this class.</li>
 * </ul>
 */
public final class Shannon {

    private static final ConcurrentMap<String, Shannon> BY_NAME = new ConcurrentHashMap<>();

    private final Context context;
    private final String backendName;
    private final Kernels kernels;
    private final InfoUnit unit;
    private final Normalization normalization;
    private final Parallelism parallelism;
    private final Dependence dependence;
    private final Losses losses;
    private final RowMeasures rows;

    private Shannon(Context context) {
        this.context = context;
        this.backendName = context.backendName();
        this.kernels = context.kernels();
        this.unit = context.unit();
        this.normalization = context.normalization();
        this.parallelism = context.parallelism();
        this.dependence = Dependence.of(context);
        this.losses = Losses.of(context);
        this.rows = RowMeasures.of(context);
    }

    // ----------------------------------------------------------------------------------------------------
    // Backends
    // ----------------------------------------------------------------------------------------------------

    /**
     * The best supported backend (highest priority), in nats, with {@link Normalization#REQUIRE}. The system
     * property {@code -Dshannon4j.backend=NAME} overrides the choice.
     *
     * @return a handle on that backend, in nats, with {@link Normalization#REQUIRE}
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
     * @param name the backend name, case-insensitive
     * @return a handle on that backend, in nats, with {@link Normalization#REQUIRE}
     * @throws IllegalArgumentException if it is unknown or unsupported here; the message lists the available
     *                                  backends and why the others are unsupported
     */
    public static Shannon get(String name) {
        Objects.requireNonNull(name, "name must not be null");
        return forEntry(BackendRegistry.byName(name));
    }

    /**
     * The handle of a context: how a family of another module (which is built from a {@link Context}, see
     * "Families" in the class comment) reaches the distribution measures of that context, so that it uses them
     * rather than writing them again.
     *
     * @param context the backend, unit, policy and parallelism of the handle
     * @return a handle with exactly that context
     */
    public static Shannon of(Context context) {
        Objects.requireNonNull(context, "context must not be null");
        return new Shannon(context);
    }

    private static Shannon forEntry(BackendRegistry.Entry entry) {
        return BY_NAME.computeIfAbsent(entry.name(),
                n -> new Shannon(new Context(entry.name(), entry.kernels(), InfoUnit.NATS, Normalization.REQUIRE,
                        Parallelism.SEQUENTIAL)));
    }

    /**
     * Every backend found, supported or not, highest priority first, with the reason for each verdict.
     *
     * @return every backend found
     */
    public static List<BackendInfo> backends() {
        return BackendRegistry.infos();
    }

    /**
     * The name of this handle's backend.
     *
     * @return the backend name
     */
    public String backendName() {
        return backendName;
    }

    /**
     * This handle's settings as one immutable value: what a family entry type is built from (see "Families" in
     * the class comment), so that every family of a handle shares its backend, unit, policy and threads.
     *
     * @return the context of this handle
     */
    public Context context() {
        return context;
    }

    /**
     * The dependence family of this handle: entropy of labels and counts, mutual information and its relatives,
     * estimators and independence tests, with this handle's backend, unit, policy and threads.
     *
     * @return the dependence measures of this handle
     */
    public Dependence dependence() {
        return dependence;
    }

    /**
     * The losses of this handle (softmax, binary and logistic cross-entropy), with its backend and threads.
     *
     * @return the losses of this handle
     */
    public Losses losses() {
        return losses;
    }

    /**
     * The per-row measures of this handle (entropy of each row of a probability matrix, KL and JS between
     * matching rows), with its backend, unit and policy.
     *
     * @return the per-row measures of this handle
     */
    public RowMeasures rows() {
        return rows;
    }

    /**
     * The unit of every result.
     *
     * @return the unit
     */
    public InfoUnit unit() {
        return unit;
    }

    /**
     * The policy for vectors that do not sum to 1.
     *
     * @return the policy
     */
    public Normalization normalization() {
        return normalization;
    }

    /**
     * The same backend and policy, results in {@code unit}.
     *
     * @param unit the unit of results
     * @return a handle with that unit
     */
    public Shannon withUnit(InfoUnit unit) {
        Objects.requireNonNull(unit, "unit must not be null");
        return unit == this.unit ? this : new Shannon(context.withUnit(unit));
    }

    /**
     * The same backend and unit, with another normalisation policy.
     *
     * @param normalization the policy for vectors that do not sum to 1
     * @return a handle with that policy
     */
    public Shannon withNormalization(Normalization normalization) {
        Objects.requireNonNull(normalization, "normalization must not be null");
        return normalization == this.normalization ? this : new Shannon(context.withNormalization(normalization));
    }

    /**
     * Runs this handle's measures on small synthetic inputs (1024 elements; entropy, cross-entropy, KL and JS
     * in double and float, mutual information from labels, and the losses), round-robin, until the JIT has
     * compiled their hot loops or {@code budget} is spent, whichever comes first.
     *
     * <p>For services: the SIMD backend's vector loops run 100–1000× slower until HotSpot's C2 compiler has
     * compiled them, so without a warm-up the first call on a large input stalls (2–3 s for a first SIMD
     * entropy of 10⁶ doubles, against about 30 ms for scalar). Call this once at start-up, before taking
     * traffic: afterwards the first such call takes milliseconds. It costs about as much CPU as the stalls it
     * removes — mostly the compilation itself — so it moves the wait, it does not remove it: seconds for all
     * of the paths above on a busy 2-core machine, less with more compiler threads. A service that uses one or
     * two measures can instead call those a few thousand times on 1024-element inputs.
     *
     * <p>It selects nothing and caches nothing: every result is the same, to the bit, with or without it.
     *
     * @param budget the most time to spend, not negative
     * @return the time spent
     * @throws IllegalArgumentException if the budget is negative
     */
    public Duration warmUp(Duration budget) {
        Objects.requireNonNull(budget, "budget must not be null");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("budget = " + budget + ": a warm-up budget must not be negative");
        }
        return WarmUp.run(this, budget);
    }

    /**
     * {@link #warmUp(Duration)} with a budget of 30 seconds (it ends as soon as the loops are compiled).
     *
     * @return the time spent
     */
    public Duration warmUp() {
        return warmUp(Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "Shannon[backend=" + backendName + ", unit=" + unit + ", normalization=" + normalization
                + (parallelism.isSequential() ? "" : ", parallelism=" + parallelism) + "]";
    }

    // ----------------------------------------------------------------------------------------------------
    // Entropy
    // ----------------------------------------------------------------------------------------------------

    /**
     * Shannon entropy H(p) = −Σ pᵢ·ln pᵢ of the normalised p, in {@link #unit()}.
     *
     * @param p the probability vector p
     * @return the entropy, in {@link #unit()}
     */
    public double entropy(double[] p) {
        return entropy(p, 0, Checks.length("p", p));
    }

    /**
     * Entropy of {@code p[offset .. offset+length)}.
     *
     * @param p the probability vector p
     * @param offset index of the first element read
     * @param length number of elements read
     * @return the entropy, in {@link #unit()}
     */
    public double entropy(double[] p, int offset, int length) {
        Checks.range("p", p, offset, length);
        return unit.fromNats(Measures.entropy(kernels, parallelism, normalization, p, offset, length, null));
    }

    /**
     * Entropy of float probabilities (read as float, accumulated in double).
     *
     * @param p the probability vector p
     * @return the entropy, in {@link #unit()}
     */
    public double entropy(float[] p) {
        return entropy(p, 0, Checks.length("p", p));
    }

    /**
     * Entropy of {@code p[offset .. offset+length)}.
     *
     * @param p the probability vector p
     * @param offset index of the first element read
     * @param length number of elements read
     * @return the entropy, in {@link #unit()}
     */
    public double entropy(float[] p, int offset, int length) {
        Checks.range("p", p, offset, length);
        return unit.fromNats(Measures.entropy(kernels, parallelism, normalization, p, offset, length, null));
    }

    // ----------------------------------------------------------------------------------------------------
    // Cross-entropy
    // ----------------------------------------------------------------------------------------------------

    /**
     * Cross-entropy H(p, q) = −Σ pᵢ·ln qᵢ of the normalised p, q; +∞ if some pᵢ &gt; 0 where qᵢ = 0.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @return the cross-entropy, in {@link #unit()}
     */
    public double crossEntropy(double[] p, double[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return crossEntropy(p, 0, q, 0, n);
    }

    /**
     * Cross-entropy of {@code p[pOffset ..+length)} against {@code q[qOffset ..+length)}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @return the cross-entropy, in {@link #unit()}
     */
    public double crossEntropy(double[] p, int pOffset, double[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return unit.fromNats(Measures.crossEntropy(kernels, parallelism, normalization, p, pOffset, q, qOffset, length,
                null));
    }

    /**
     * Cross-entropy of float distributions.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @return the cross-entropy, in {@link #unit()}
     */
    public double crossEntropy(float[] p, float[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return crossEntropy(p, 0, q, 0, n);
    }

    /**
     * Cross-entropy of float ranges.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @return the cross-entropy, in {@link #unit()}
     */
    public double crossEntropy(float[] p, int pOffset, float[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return unit.fromNats(Measures.crossEntropy(kernels, parallelism, normalization, p, pOffset, q, qOffset, length,
                null));
    }

    // ----------------------------------------------------------------------------------------------------
    // Kullback–Leibler divergence
    // ----------------------------------------------------------------------------------------------------

    /**
     * Kullback–Leibler divergence KL(p ‖ q) = Σ pᵢ·ln(pᵢ/qᵢ) of the normalised p, q (scipy's
     * {@code entropy(p, q)}); +∞ if some pᵢ &gt; 0 where qᵢ = 0. Error bound: absolute, see the class comment.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @return the Kullback–Leibler divergence, in {@link #unit()}
     */
    public double klDivergence(double[] p, double[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return klDivergence(p, 0, q, 0, n);
    }

    /**
     * KL divergence of {@code p[pOffset ..+length)} from {@code q[qOffset ..+length)}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @return the Kullback–Leibler divergence, in {@link #unit()}
     */
    public double klDivergence(double[] p, int pOffset, double[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return unit.fromNats(Measures.klDivergence(kernels, parallelism, normalization, p, pOffset, q, qOffset, length,
                null));
    }

    /**
     * KL divergence of float distributions.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @return the Kullback–Leibler divergence, in {@link #unit()}
     */
    public double klDivergence(float[] p, float[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return klDivergence(p, 0, q, 0, n);
    }

    /**
     * KL divergence of float ranges.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @return the Kullback–Leibler divergence, in {@link #unit()}
     */
    public double klDivergence(float[] p, int pOffset, float[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return unit.fromNats(Measures.klDivergence(kernels, parallelism, normalization, p, pOffset, q, qOffset, length,
                null));
    }

    // ----------------------------------------------------------------------------------------------------
    // Jensen–Shannon divergence and distance
    // ----------------------------------------------------------------------------------------------------

    /**
     * Jensen–Shannon divergence JS(p, q) = ½·KL(p ‖ m) + ½·KL(q ‖ m), m = (p + q)/2, of the normalised p, q:
     * finite, symmetric, between 0 and ln 2 nats (1 bit). Error bound: absolute, see the class comment.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @return the Jensen–Shannon divergence, in {@link #unit()}
     */
    public double jsDivergence(double[] p, double[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return jsDivergence(p, 0, q, 0, n);
    }

    /**
     * JS divergence of two double ranges.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @return the Jensen–Shannon divergence, in {@link #unit()}
     */
    public double jsDivergence(double[] p, int pOffset, double[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return unit.fromNats(Measures.jsDivergence(kernels, parallelism, normalization, p, pOffset, q, qOffset, length,
                null));
    }

    /**
     * JS divergence of float distributions.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @return the Jensen–Shannon divergence, in {@link #unit()}
     */
    public double jsDivergence(float[] p, float[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return jsDivergence(p, 0, q, 0, n);
    }

    /**
     * JS divergence of two float ranges.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @return the Jensen–Shannon divergence, in {@link #unit()}
     */
    public double jsDivergence(float[] p, int pOffset, float[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return unit.fromNats(Measures.jsDivergence(kernels, parallelism, normalization, p, pOffset, q, qOffset, length,
                null));
    }

    /**
     * Jensen–Shannon distance √JS with JS in {@link #unit()}: a metric, as scipy's
     * {@code jensenshannon(p, q, base)} (which also normalises). Between 0 and √(ln 2) nats, 1 in bits.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @return the Jensen–Shannon distance (square root of the divergence in {@link #unit()})
     */
    public double jsDistance(double[] p, double[] q) {
        return Math.sqrt(jsDivergence(p, q));
    }

    /**
     * JS distance of two double ranges.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @return the Jensen–Shannon distance (square root of the divergence in {@link #unit()})
     */
    public double jsDistance(double[] p, int pOffset, double[] q, int qOffset, int length) {
        return Math.sqrt(jsDivergence(p, pOffset, q, qOffset, length));
    }

    /**
     * JS distance of float distributions.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @return the Jensen–Shannon distance (square root of the divergence in {@link #unit()})
     */
    public double jsDistance(float[] p, float[] q) {
        return Math.sqrt(jsDivergence(p, q));
    }

    /**
     * JS distance of two float ranges.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @return the Jensen–Shannon distance (square root of the divergence in {@link #unit()})
     */
    public double jsDistance(float[] p, int pOffset, float[] q, int qOffset, int length) {
        return Math.sqrt(jsDivergence(p, pOffset, q, qOffset, length));
    }

    // ----------------------------------------------------------------------------------------------------
    // Hellinger distance
    // ----------------------------------------------------------------------------------------------------

    /**
     * Squared Hellinger distance H²(p, q) = ½·Σ (√pᵢ − √qᵢ)² = 1 − Σ √(pᵢ·qᵢ) of the normalised p, q: symmetric,
     * in [0, 1] (0 for p = q, 1 for disjoint supports), unitless (not affected by {@link #unit()}). Both inputs are
     * summed first and normalised exactly under either policy, and the terms (√p − c·√q)² are added directly, so
     * a small H² keeps its accuracy (the form 1 − Σ √(pq) would cancel). Symmetric to the bit. Error bound
     * (see the class comment): 1e-13·H² + 80ε·H + 80ε.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @return the squared Hellinger distance, in [0, 1] (no unit)
     */
    public double squaredHellingerDistance(double[] p, double[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return squaredHellingerDistance(p, 0, q, 0, n);
    }

    /**
     * Squared Hellinger distance of two double ranges.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @return the squared Hellinger distance, in [0, 1] (no unit)
     */
    public double squaredHellingerDistance(double[] p, int pOffset, double[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return Measures.squaredHellinger(kernels, parallelism, normalization, p, pOffset, q, qOffset, length, null);
    }

    /**
     * Squared Hellinger distance of float distributions (computed in double).
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @return the squared Hellinger distance, in [0, 1] (no unit)
     */
    public double squaredHellingerDistance(float[] p, float[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return squaredHellingerDistance(p, 0, q, 0, n);
    }

    /**
     * Squared Hellinger distance of two float ranges.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @return the squared Hellinger distance, in [0, 1] (no unit)
     */
    public double squaredHellingerDistance(float[] p, int pOffset, float[] q, int qOffset, int length) {
        Checks.range("p", p, pOffset, length);
        Checks.range("q", q, qOffset, length);
        return Measures.squaredHellinger(kernels, parallelism, normalization, p, pOffset, q, qOffset, length, null);
    }

    /**
     * Hellinger distance H(p, q) = √(½·Σ (√pᵢ − √qᵢ)²) of the normalised p, q: a metric, in [0, 1], unitless; the
     * square root of {@link #squaredHellingerDistance(double[], double[])}, as Evidently's {@code hellinger}
     * drift statistic and Wikipedia define it.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @return the Hellinger distance, in [0, 1] (no unit)
     */
    public double hellingerDistance(double[] p, double[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return hellingerDistance(p, 0, q, 0, n);
    }

    /**
     * Hellinger distance of two double ranges.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @return the Hellinger distance, in [0, 1] (no unit)
     */
    public double hellingerDistance(double[] p, int pOffset, double[] q, int qOffset, int length) {
        return Math.sqrt(squaredHellingerDistance(p, pOffset, q, qOffset, length));
    }

    /**
     * Hellinger distance of float distributions (computed in double).
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @return the Hellinger distance, in [0, 1] (no unit)
     */
    public double hellingerDistance(float[] p, float[] q) {
        int n = Checks.length("p", p);
        Checks.sameLength("p", n, "q", Checks.length("q", q));
        return hellingerDistance(p, 0, q, 0, n);
    }

    /**
     * Hellinger distance of two float ranges.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @return the Hellinger distance, in [0, 1] (no unit)
     */
    public double hellingerDistance(float[] p, int pOffset, float[] q, int qOffset, int length) {
        return Math.sqrt(squaredHellingerDistance(p, pOffset, q, qOffset, length));
    }

    // ----------------------------------------------------------------------------------------------------
    // Scale: parallelism and MemorySegment inputs (issue 6)
    // ----------------------------------------------------------------------------------------------------

    /**
     * The same backend, unit and policy, splitting long inputs over up to {@code threads} threads: the calling
     * thread and {@code threads − 1} tasks on {@link java.util.concurrent.ForkJoinPool#commonPool()}.
     * {@code threads = 1} (the default) computes on the calling thread with no task and no allocation.
     *
     * <p>An input of at least 2¹⁸ (262,144) elements is cut into chunks of max(2¹⁷, n/(4·threads)) elements
     * (rounded up to a multiple of 8,192); shorter inputs stay on the calling thread. The calling thread works
     * on chunks itself and the tasks claim the others, so a busy pool slows the call down but cannot deadlock
     * it. The chunk results are added in chunk order with compensated summation, so the accuracy bounds of the
     * class comment hold for every thread count; results for different thread counts may differ within those
     * bounds (for a given thread count they repeat run to run). For bit-identical results whatever the thread
     * count, add {@link #withDeterministicParallelism(boolean) withDeterministicParallelism(true)}. Invalid
     * input is reported as in the sequential case, naming the first bad element by its index in the whole
     * input; an exception thrown in a task (a segment closed meanwhile, say) is rethrown to the caller.
     *
     * <p>The same threads count label pairs (MI and its relatives from label arrays of at least 2²⁰ samples per
     * thread, in contiguous parts; integer counts, so the result does not depend on the thread count) and run
     * the permutations of {@link Dependence#permutationTest} (same result for every thread count). The per-row
     * measures of {@link #rows()} and the softmax cross-entropies of {@link #losses()} split matrices of at least
     * 2¹⁸ elements into parts of whole rows (multiples of 64): every row's value has the same bits for any thread
     * count, and a reduced loss adds its part sums as above. On every path the
     * calling thread claims the parts no task has started, and waits only for parts a running task has
     * claimed: calling from a task of the executor itself (even a one-thread pool), from a parallel stream on
     * the common pool, or with an executor that queues, discards or rejects the tasks is slower at worst,
     * never a hang.
     *
     * <p>Memory segments of a confined arena can be read only by their owner thread: for them the chunks all
     * run on the calling thread. On a 2-core machine 2 threads is the useful maximum; the common pool of such a
     * machine has a single worker, so more than 2 threads needs {@link #withParallelism(int, Executor)}.
     *
     * @param threads number of threads (≥ 1), the caller included
     * @return a handle with that parallelism
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Shannon withParallelism(int threads) {
        return withParallelism(Parallelism.of(threads, null, parallelism.isDeterministic()));
    }

    /**
     * As {@link #withParallelism(int)}, with the helper tasks on {@code executor} (which must run tasks on
     * threads other than the caller's to give any speed-up). If the executor rejects, discards or never runs a
     * task, the calling thread does that share of the work.
     *
     * @param threads number of threads (≥ 1), the caller included
     * @param executor where the tasks other than the caller's run
     * @return a handle with that parallelism
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws NullPointerException     if {@code executor} is null
     */
    public Shannon withParallelism(int threads, Executor executor) {
        Objects.requireNonNull(executor, "executor must not be null");
        return withParallelism(Parallelism.of(threads, executor, parallelism.isDeterministic()));
    }

    /**
     * Deterministic mode on or off. On, inputs longer than 2¹⁸ (262,144) elements are cut into chunks of
     * exactly 2¹⁸ elements whatever the thread count, also for one thread, and the chunk results are added in
     * chunk order: the result is bit-identical for every thread count and every run on the same backend (not
     * across backends, whose kernels round differently). Inputs of at most 2¹⁸ elements give the sequential
     * result. The price: at most n/2¹⁸ threads can work on one input.
     *
     * @param deterministic whether chunking is fixed so that results are bit-identical for every thread count
     * @return a handle with that setting
     */
    public Shannon withDeterministicParallelism(boolean deterministic) {
        return withParallelism(parallelism.withDeterministic(deterministic));
    }

    private Shannon withParallelism(Parallelism p) {
        return p.equals(parallelism) ? this : new Shannon(context.withParallelism(p));
    }

    /**
     * The maximum number of threads one call uses (1 unless set with {@link #withParallelism(int)}).
     *
     * @return the number of threads
     */
    public int parallelism() {
        return parallelism.threads();
    }

    /**
     * Whether results are bit-identical for every thread count (see {@link #withDeterministicParallelism}).
     *
     * @return whether parallel results are bit-identical for every thread count
     */
    public boolean isDeterministicParallelism() {
        return parallelism.isDeterministic();
    }

    // -- MemorySegment inputs
    //
    // Every measure reads a java.lang.foreign.MemorySegment of doubles or floats: off-heap (Arena.allocate),
    // memory-mapped (FileChannel.map), or a heap segment (MemorySegment.ofArray), with more than 2^31 elements
    // if need be. The layout says the element type and byte order: ValueLayout.JAVA_DOUBLE / JAVA_FLOAT for
    // native order and natural alignment, JAVA_DOUBLE_UNALIGNED / JAVA_FLOAT_UNALIGNED for any alignment,
    // .withOrder(ByteOrder.BIG_ENDIAN) for data written big-endian. The whole-segment forms need a byteSize
    // that is a multiple of the element size; the range forms take (offset, count) in elements. Results,
    // conventions and accuracy are those of the array methods (the same kernels run on blocks copied from the
    // segment); a bad element is named by its long index in the segment: "p[3000000017] = -0.25: ...".
    // A segment whose alignment does not satisfy the layout is rejected (IllegalArgumentException naming the
    // unaligned layout to use instead); a range outside the segment gives an IndexOutOfBoundsException; a
    // closed segment or one of another thread's confined arena throws as MemorySegment access does.

    /**
     * Entropy of a segment of doubles ({@code ValueLayout.JAVA_DOUBLE} or a variant of it), in {@link #unit()}:
     * as {@link #entropy(double[])}.
     *
     * @param p the probability vector p
     * @param layout the element layout (type, byte order, alignment)
     * @return the entropy, in {@link #unit()}
     * @throws IllegalArgumentException if the byte size is not a multiple of 8, the alignment does not satisfy
     *                                  the layout, or an element is invalid (named by its long index)
     */
    public double entropy(MemorySegment p, ValueLayout.OfDouble layout) {
        return entropyOf(p, 0, Checks.elements("p", p, layout), layout);
    }

    /**
     * Entropy of elements {@code [offset, offset + count)} of a segment of doubles.
     *
     * @param p the probability vector p
     * @param offset index of the first element read
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the entropy, in {@link #unit()}
     */
    public double entropy(MemorySegment p, long offset, long count, ValueLayout.OfDouble layout) {
        return entropyOf(p, offset, count, layout);
    }

    /**
     * Entropy of a segment of floats ({@code ValueLayout.JAVA_FLOAT} or a variant), read as float, accumulated in double.
     *
     * @param p the probability vector p
     * @param layout the element layout (type, byte order, alignment)
     * @return the entropy, in {@link #unit()}
     */
    public double entropy(MemorySegment p, ValueLayout.OfFloat layout) {
        return entropyOf(p, 0, Checks.elements("p", p, layout), layout);
    }

    /**
     * Entropy of elements {@code [offset, offset + count)} of a segment of floats.
     *
     * @param p the probability vector p
     * @param offset index of the first element read
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the entropy, in {@link #unit()}
     */
    public double entropy(MemorySegment p, long offset, long count, ValueLayout.OfFloat layout) {
        return entropyOf(p, offset, count, layout);
    }

    /**
     * Cross-entropy H(p, q) of two segments of doubles with the same number of elements; as {@link #crossEntropy(double[], double[])}.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @param layout the element layout (type, byte order, alignment)
     * @return the cross-entropy, in {@link #unit()}
     */
    public double crossEntropy(MemorySegment p, MemorySegment q, ValueLayout.OfDouble layout) {
        long n = sameElements(p, q, layout);
        return crossEntropyOf(p, 0, q, 0, n, layout);
    }

    /**
     * Cross-entropy of {@code p[pOffset ..+count)} against {@code q[qOffset ..+count)}, segments of doubles.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the cross-entropy, in {@link #unit()}
     */
    public double crossEntropy(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                               ValueLayout.OfDouble layout) {
        return crossEntropyOf(p, pOffset, q, qOffset, count, layout);
    }

    /**
     * Cross-entropy of two segments of floats.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @param layout the element layout (type, byte order, alignment)
     * @return the cross-entropy, in {@link #unit()}
     */
    public double crossEntropy(MemorySegment p, MemorySegment q, ValueLayout.OfFloat layout) {
        long n = sameElements(p, q, layout);
        return crossEntropyOf(p, 0, q, 0, n, layout);
    }

    /**
     * Cross-entropy of two ranges of segments of floats.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the cross-entropy, in {@link #unit()}
     */
    public double crossEntropy(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                               ValueLayout.OfFloat layout) {
        return crossEntropyOf(p, pOffset, q, qOffset, count, layout);
    }

    /**
     * KL divergence KL(p ‖ q) of two segments of doubles; as {@link #klDivergence(double[], double[])} (absolute error bound).
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @param layout the element layout (type, byte order, alignment)
     * @return the Kullback–Leibler divergence, in {@link #unit()}
     */
    public double klDivergence(MemorySegment p, MemorySegment q, ValueLayout.OfDouble layout) {
        long n = sameElements(p, q, layout);
        return klDivergenceOf(p, 0, q, 0, n, layout);
    }

    /**
     * KL divergence of two ranges of segments of doubles.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the Kullback–Leibler divergence, in {@link #unit()}
     */
    public double klDivergence(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                               ValueLayout.OfDouble layout) {
        return klDivergenceOf(p, pOffset, q, qOffset, count, layout);
    }

    /**
     * KL divergence of two segments of floats (computed in double).
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @param layout the element layout (type, byte order, alignment)
     * @return the Kullback–Leibler divergence, in {@link #unit()}
     */
    public double klDivergence(MemorySegment p, MemorySegment q, ValueLayout.OfFloat layout) {
        long n = sameElements(p, q, layout);
        return klDivergenceOf(p, 0, q, 0, n, layout);
    }

    /**
     * KL divergence of two ranges of segments of floats.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the Kullback–Leibler divergence, in {@link #unit()}
     */
    public double klDivergence(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                               ValueLayout.OfFloat layout) {
        return klDivergenceOf(p, pOffset, q, qOffset, count, layout);
    }

    /**
     * JS divergence of two segments of doubles; as {@link #jsDivergence(double[], double[])} (absolute error bound).
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @param layout the element layout (type, byte order, alignment)
     * @return the Jensen–Shannon divergence, in {@link #unit()}
     */
    public double jsDivergence(MemorySegment p, MemorySegment q, ValueLayout.OfDouble layout) {
        long n = sameElements(p, q, layout);
        return jsDivergenceOf(p, 0, q, 0, n, layout);
    }

    /**
     * JS divergence of two ranges of segments of doubles.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the Jensen–Shannon divergence, in {@link #unit()}
     */
    public double jsDivergence(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                               ValueLayout.OfDouble layout) {
        return jsDivergenceOf(p, pOffset, q, qOffset, count, layout);
    }

    /**
     * JS divergence of two segments of floats (computed in double).
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @param layout the element layout (type, byte order, alignment)
     * @return the Jensen–Shannon divergence, in {@link #unit()}
     */
    public double jsDivergence(MemorySegment p, MemorySegment q, ValueLayout.OfFloat layout) {
        long n = sameElements(p, q, layout);
        return jsDivergenceOf(p, 0, q, 0, n, layout);
    }

    /**
     * JS divergence of two ranges of segments of floats.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the Jensen–Shannon divergence, in {@link #unit()}
     */
    public double jsDivergence(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                               ValueLayout.OfFloat layout) {
        return jsDivergenceOf(p, pOffset, q, qOffset, count, layout);
    }

    /**
     * JS distance √JS of two segments of doubles; as {@link #jsDistance(double[], double[])}.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @param layout the element layout (type, byte order, alignment)
     * @return the Jensen–Shannon distance (square root of the divergence in {@link #unit()})
     */
    public double jsDistance(MemorySegment p, MemorySegment q, ValueLayout.OfDouble layout) {
        return Math.sqrt(jsDivergence(p, q, layout));
    }

    /**
     * JS distance of two ranges of segments of doubles.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the Jensen–Shannon distance (square root of the divergence in {@link #unit()})
     */
    public double jsDistance(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                             ValueLayout.OfDouble layout) {
        return Math.sqrt(jsDivergence(p, pOffset, q, qOffset, count, layout));
    }

    /**
     * JS distance of two segments of floats.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @param layout the element layout (type, byte order, alignment)
     * @return the Jensen–Shannon distance (square root of the divergence in {@link #unit()})
     */
    public double jsDistance(MemorySegment p, MemorySegment q, ValueLayout.OfFloat layout) {
        return Math.sqrt(jsDivergence(p, q, layout));
    }

    /**
     * JS distance of two ranges of segments of floats.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the Jensen–Shannon distance (square root of the divergence in {@link #unit()})
     */
    public double jsDistance(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                             ValueLayout.OfFloat layout) {
        return Math.sqrt(jsDivergence(p, pOffset, q, qOffset, count, layout));
    }

    /**
     * Squared Hellinger distance of two segments of doubles; as {@link #squaredHellingerDistance(double[], double[])}.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @param layout the element layout (type, byte order, alignment)
     * @return the squared Hellinger distance, in [0, 1] (no unit)
     */
    public double squaredHellingerDistance(MemorySegment p, MemorySegment q, ValueLayout.OfDouble layout) {
        return hellingerOf(p, 0, q, 0, sameElements(p, q, layout), layout);
    }

    /**
     * Squared Hellinger distance of two ranges of segments of doubles.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the squared Hellinger distance, in [0, 1] (no unit)
     */
    public double squaredHellingerDistance(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                          ValueLayout.OfDouble layout) {
        return hellingerOf(p, pOffset, q, qOffset, count, layout);
    }

    /**
     * Squared Hellinger distance of two segments of floats; as {@link #squaredHellingerDistance(float[], float[])}.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @param layout the element layout (type, byte order, alignment)
     * @return the squared Hellinger distance, in [0, 1] (no unit)
     */
    public double squaredHellingerDistance(MemorySegment p, MemorySegment q, ValueLayout.OfFloat layout) {
        return hellingerOf(p, 0, q, 0, sameElements(p, q, layout), layout);
    }

    /**
     * Squared Hellinger distance of two ranges of segments of floats.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the squared Hellinger distance, in [0, 1] (no unit)
     */
    public double squaredHellingerDistance(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                          ValueLayout.OfFloat layout) {
        return hellingerOf(p, pOffset, q, qOffset, count, layout);
    }

    /**
     * Hellinger distance of two segments of doubles; as {@link #hellingerDistance(double[], double[])}.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @param layout the element layout (type, byte order, alignment)
     * @return the Hellinger distance, in [0, 1] (no unit)
     */
    public double hellingerDistance(MemorySegment p, MemorySegment q, ValueLayout.OfDouble layout) {
        return Math.sqrt(squaredHellingerDistance(p, q, layout));
    }

    /**
     * Hellinger distance of two ranges of segments of doubles.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the Hellinger distance, in [0, 1] (no unit)
     */
    public double hellingerDistance(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                          ValueLayout.OfDouble layout) {
        return Math.sqrt(squaredHellingerDistance(p, pOffset, q, qOffset, count, layout));
    }

    /**
     * Hellinger distance of two segments of floats; as {@link #hellingerDistance(float[], float[])}.
     *
     * @param p the probability vector p
     * @param q the probability vector q
     * @param layout the element layout (type, byte order, alignment)
     * @return the Hellinger distance, in [0, 1] (no unit)
     */
    public double hellingerDistance(MemorySegment p, MemorySegment q, ValueLayout.OfFloat layout) {
        return Math.sqrt(squaredHellingerDistance(p, q, layout));
    }

    /**
     * Hellinger distance of two ranges of segments of floats.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @return the Hellinger distance, in [0, 1] (no unit)
     */
    public double hellingerDistance(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                          ValueLayout.OfFloat layout) {
        return Math.sqrt(squaredHellingerDistance(p, pOffset, q, qOffset, count, layout));
    }

    private static long sameElements(MemorySegment p, MemorySegment q, ValueLayout layout) {
        long n = Checks.elements("p", p, layout);
        Checks.sameLength("p", n, "q", Checks.elements("q", q, layout));
        return n;
    }

    private double entropyOf(MemorySegment p, long offset, long count, ValueLayout layout) {
        Checks.range("p", p, layout, offset, count);
        return unit.fromNats(Measures.entropy(kernels, parallelism, normalization, p, offset, count, layout));
    }

    private double crossEntropyOf(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                                  ValueLayout layout) {
        Checks.range("p", p, layout, pOffset, count);
        Checks.range("q", q, layout, qOffset, count);
        return unit.fromNats(Measures.crossEntropy(kernels, parallelism, normalization, p, pOffset, q, qOffset,
                count, layout));
    }

    private double klDivergenceOf(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                                  ValueLayout layout) {
        Checks.range("p", p, layout, pOffset, count);
        Checks.range("q", q, layout, qOffset, count);
        return unit.fromNats(Measures.klDivergence(kernels, parallelism, normalization, p, pOffset, q, qOffset,
                count, layout));
    }

    private double jsDivergenceOf(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                                  ValueLayout layout) {
        Checks.range("p", p, layout, pOffset, count);
        Checks.range("q", q, layout, qOffset, count);
        return unit.fromNats(Measures.jsDivergence(kernels, parallelism, normalization, p, pOffset, q, qOffset,
                count, layout));
    }

    private double hellingerOf(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                               ValueLayout layout) {
        Checks.range("p", p, layout, pOffset, count);
        Checks.range("q", q, layout, qOffset, count);
        return Measures.squaredHellinger(kernels, parallelism, normalization, p, pOffset, q, qOffset, count, layout);
    }
}

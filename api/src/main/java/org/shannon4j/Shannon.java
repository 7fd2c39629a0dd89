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
import org.shannon4j.spi.Context;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

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
 *       scipy does. Either way the result is that of the normalised vectors. NORMALIZE input whose sum fits in
 *       a double but whose terms do not (entries from about 2.5e305, where p·ln p exceeds the double maximum)
 *       gives an {@code IllegalArgumentException} ("the terms p·ln p over p[0..n) overflow the double range:
 *       scale the input down"), never a clamped or infinite value; Jensen–Shannon divergence, whose terms are
 *       bounded, is computed for any such input.</li>
 *   <li><b>Zeros.</b> 0·ln 0 = 0; a term with p = 0 contributes 0 whatever q is; p &gt; 0 where q = 0 makes
 *       cross-entropy and KL divergence +∞ (the term is never skipped or clipped). −0.0 is a zero like +0.0.</li>
 *   <li><b>Same bits.</b> A backend gives the same bits for the same input to the same method on every call,
 *       interpreted, C1- or C2-compiled (distribution measures and the mutual-information family; not the
 *       losses yet); Jensen–Shannon divergence and distance are symmetric to the bit. Different backends, vector
 *       widths, or arrays and segments holding the same values agree within the accuracy bounds below.</li>
 *   <li><b>Accuracy</b> (any backend, n ≤ 1e8, entries below 1e300; ε = 2.2e-16). Entropy and cross-entropy of
 *       double input: |error| ≤ 1e-13·|value| + 16ε, the absolute part being the rounding of Σp itself (it
 *       matters only for nearly degenerate distributions); unnormalised input adds a few ε·|ln Σ| from the
 *       normalisation (scipy has the same). KL and JS divergences cancel when p ≈ q, so their bound is
 *       absolute: ≤ 1e-13·Σ|termᵢ| + 16ε, a relative bound whenever the terms do not cancel. Float input:
 *       entropy and cross-entropy within 1e-6 relative (vector backends use float-precision logs, the terms
 *       having one sign); KL and JS are computed in double from the float values, with the double bound.
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

    private Shannon(Context context) {
        this.context = context;
        this.backendName = context.backendName();
        this.kernels = context.kernels();
        this.unit = context.unit();
        this.normalization = context.normalization();
        this.parallelism = context.parallelism();
        this.dependence = Dependence.of(context);
        this.losses = Losses.of(context);
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
     * This handle's settings as one immutable value: what a family entry type is built from (see the
     * "Families" section of this class), so that every family of a handle shares its backend, unit, policy
     * and threads.
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
     * @param budget the most time to spend
     * @return the time spent
     */
    public Duration warmUp(Duration budget) {
        Objects.requireNonNull(budget, "budget must not be null");
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
     * the permutations of {@link Dependence#permutationTest} (same result for every thread count). On every path the
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
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link #unit()}
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
     * @return the loss under the options' reduction, in {@link #unit()}; {@link Reduction#NONE} needs
     *         {@code out} and throws NullPointerException here
     */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, int[] targets,
                                      SoftmaxLossOptions options) {
        return softmaxCrossEntropy(logits, rows, classes, targets, options, null);
    }

    /**
     * As {@link #softmaxCrossEntropy(double[], int, int, int[], SoftmaxLossOptions)} (class indices), and if {@code out} is
     * not null (required for {@link Reduction#NONE}; length {@code rows}) the weighted per-row losses in
     * {@link #unit()} are written to it. Returns the reduced loss (the sum for NONE).
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets one class index per row, in [0, classes) or the options' ignore index; {@code targets.length} must
     *                be {@code rows}
     * @param options class weights, ignore index, label smoothing ε and reduction
     * @param out receives the weighted per-row losses in {@link #unit()} (0 for an ignored row); length {@code rows};
     *            required for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
     */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, int[] targets,
                                      SoftmaxLossOptions options, double[] out) {
        LossMeasures.exactMatrix("logits", logits, rows, classes);
        LossMeasures.exactLength("targets", targets, rows, "rows");
        if (out != null) {
            LossMeasures.exactLength("out", out, rows, "rows");
        }
        return softmaxCrossEntropy(logits, 0, rows, classes, targets, 0, options, out, 0);
    }

    /**
     * The weighted per-row losses ({@link Reduction#NONE}, class indices) in {@link #unit()}, in a new array; the
     * options' reduction is not used.
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets one class index per row, in [0, classes) or the options' ignore index; {@code targets.length} must
     *                be {@code rows}
     * @param options class weights, ignore index and label smoothing ε; its reduction is not used
     * @return a new array of the weighted per-row losses in {@link #unit()} ({@link Reduction#NONE}; PyTorch's
     *         {@code reduction='none'}) — 0 for an ignored row
     */
    public double[] softmaxCrossEntropyPerRow(double[] logits, int rows, int classes, int[] targets,
                                             SoftmaxLossOptions options) {
        double[] out = new double[Math.max(rows, 0)];
        softmaxCrossEntropy(logits, rows, classes, targets, options.reduction(Reduction.NONE), out);
        return out;
    }

    /**
     * Softmax cross-entropy of the rows × classes matrix at {@code logits[offset ..]} with class indices at
     * {@code targets[targetOffset ..]}. If {@code out} is not null (required with {@link Reduction#NONE}),
     * the weighted per-row losses ℓᵣ in {@link #unit()} are written to {@code out[outOffset + r]} (0 for an
     * ignored row). Returns the reduced loss (the sum for NONE). Allocates nothing.
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
     *         {@link Reduction#NONE}), in {@link #unit()}
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
     * @return the reduced loss, in {@link #unit()}
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
     *
     * @param logits row-major rows × classes logits
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link #unit()}
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
     * @return the loss under the options' reduction, in {@link #unit()}; {@link Reduction#NONE} needs
     *         {@code out} and throws NullPointerException here
     */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, double[] targets,
                                      SoftmaxLossOptions options) {
        return softmaxCrossEntropy(logits, rows, classes, targets, options, null);
    }

    /**
     * As {@link #softmaxCrossEntropy(double[], int, int, double[], SoftmaxLossOptions)} (probability targets), and if {@code out} is
     * not null (required for {@link Reduction#NONE}; length {@code rows}) the weighted per-row losses in
     * {@link #unit()} are written to it. Returns the reduced loss (the sum for NONE).
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets row-major rows × classes target probabilities q (PyTorch's probability target), finite and ≥ 0,
     *                rows not required to sum to 1; {@code targets.length} must be {@code rows * classes}
     * @param options class weights, label smoothing ε and reduction (the ignore index does not apply)
     * @param out receives the weighted per-row losses in {@link #unit()}; length {@code rows}; required for
     *            {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
     */
    public double softmaxCrossEntropy(double[] logits, int rows, int classes, double[] targets,
                                      SoftmaxLossOptions options, double[] out) {
        LossMeasures.exactMatrix("logits", logits, rows, classes);
        LossMeasures.exactMatrix("targets", targets, rows, classes);
        if (out != null) {
            LossMeasures.exactLength("out", out, rows, "rows");
        }
        return softmaxCrossEntropy(logits, 0, rows, classes, targets, 0, options, out, 0);
    }

    /**
     * The weighted per-row losses ({@link Reduction#NONE}, probability targets) in {@link #unit()}, in a new array; the
     * options' reduction is not used.
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets row-major rows × classes target probabilities q (PyTorch's probability target), finite and ≥ 0,
     *                rows not required to sum to 1; {@code targets.length} must be {@code rows * classes}
     * @param options class weights and label smoothing ε; its reduction and ignore index are not used
     * @return a new array of the weighted per-row losses in {@link #unit()} ({@link Reduction#NONE}; PyTorch's
     *         {@code reduction='none'})
     */
    public double[] softmaxCrossEntropyPerRow(double[] logits, int rows, int classes, double[] targets,
                                             SoftmaxLossOptions options) {
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
     *         {@link Reduction#NONE}), in {@link #unit()}
     */
    public double softmaxCrossEntropy(double[] logits, int offset, int rows, int classes, double[] targets,
                                      int targetOffset, SoftmaxLossOptions options, double[] out, int outOffset) {
        return LossMeasures.softmaxProbs(kernels, unit, logits, offset, rows, classes, targets, targetOffset,
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
        double v = softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, options, out,
                outOffset);
        return LossMeasures.lastResult(v);
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
     * @return the reduced loss, in {@link #unit()}
     */
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
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link #unit()}
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
     * @return the loss under the options' reduction, in {@link #unit()}; {@link Reduction#NONE} needs
     *         {@code out} and throws NullPointerException here
     */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, int[] targets,
                                      SoftmaxLossOptions options) {
        return softmaxCrossEntropy(logits, rows, classes, targets, options, null);
    }

    /**
     * As {@link #softmaxCrossEntropy(float[], int, int, int[], SoftmaxLossOptions)} (class indices), and if {@code out} is
     * not null (required for {@link Reduction#NONE}; length {@code rows}) the weighted per-row losses in
     * {@link #unit()} are written to it. Returns the reduced loss (the sum for NONE).
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets one class index per row, in [0, classes) or the options' ignore index; {@code targets.length} must
     *                be {@code rows}
     * @param options class weights, ignore index, label smoothing ε and reduction
     * @param out receives the weighted per-row losses in {@link #unit()} (0 for an ignored row); length {@code rows};
     *            required for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
     */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, int[] targets,
                                      SoftmaxLossOptions options, float[] out) {
        LossMeasures.exactMatrix("logits", logits, rows, classes);
        LossMeasures.exactLength("targets", targets, rows, "rows");
        if (out != null) {
            LossMeasures.exactLength("out", out, rows, "rows");
        }
        return softmaxCrossEntropy(logits, 0, rows, classes, targets, 0, options, out, 0);
    }

    /**
     * The weighted per-row losses ({@link Reduction#NONE}, class indices) in {@link #unit()}, in a new array; the
     * options' reduction is not used.
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets one class index per row, in [0, classes) or the options' ignore index; {@code targets.length} must
     *                be {@code rows}
     * @param options class weights, ignore index and label smoothing ε; its reduction is not used
     * @return a new array of the weighted per-row losses in {@link #unit()} ({@link Reduction#NONE}; PyTorch's
     *         {@code reduction='none'}) — 0 for an ignored row
     */
    public float[] softmaxCrossEntropyPerRow(float[] logits, int rows, int classes, int[] targets,
                                             SoftmaxLossOptions options) {
        float[] out = new float[Math.max(rows, 0)];
        softmaxCrossEntropy(logits, rows, classes, targets, options.reduction(Reduction.NONE), out);
        return out;
    }

    /**
     * Softmax cross-entropy of the rows × classes matrix at {@code logits[offset ..]} with class indices at
     * {@code targets[targetOffset ..]}. If {@code out} is not null (required with {@link Reduction#NONE}),
     * the weighted per-row losses ℓᵣ in {@link #unit()} are written to {@code out[outOffset + r]} (0 for an
     * ignored row). Returns the reduced loss (the sum for NONE). Allocates nothing.
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
     *         {@link Reduction#NONE}), in {@link #unit()}
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
     * @return the reduced loss, in {@link #unit()}
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
     *
     * @param logits row-major rows × classes logits
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link #unit()}
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
     * @return the loss under the options' reduction, in {@link #unit()}; {@link Reduction#NONE} needs
     *         {@code out} and throws NullPointerException here
     */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, float[] targets,
                                      SoftmaxLossOptions options) {
        return softmaxCrossEntropy(logits, rows, classes, targets, options, null);
    }

    /**
     * As {@link #softmaxCrossEntropy(float[], int, int, float[], SoftmaxLossOptions)} (probability targets), and if {@code out} is
     * not null (required for {@link Reduction#NONE}; length {@code rows}) the weighted per-row losses in
     * {@link #unit()} are written to it. Returns the reduced loss (the sum for NONE).
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets row-major rows × classes target probabilities q (PyTorch's probability target), finite and ≥ 0,
     *                rows not required to sum to 1; {@code targets.length} must be {@code rows * classes}
     * @param options class weights, label smoothing ε and reduction (the ignore index does not apply)
     * @param out receives the weighted per-row losses in {@link #unit()}; length {@code rows}; required for
     *            {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
     */
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, float[] targets,
                                      SoftmaxLossOptions options, float[] out) {
        LossMeasures.exactMatrix("logits", logits, rows, classes);
        LossMeasures.exactMatrix("targets", targets, rows, classes);
        if (out != null) {
            LossMeasures.exactLength("out", out, rows, "rows");
        }
        return softmaxCrossEntropy(logits, 0, rows, classes, targets, 0, options, out, 0);
    }

    /**
     * The weighted per-row losses ({@link Reduction#NONE}, probability targets) in {@link #unit()}, in a new array; the
     * options' reduction is not used.
     *
     * @param logits row-major rows × classes logits; {@code logits.length} must be {@code rows * classes}; −∞ masks a
     *               class, NaN and +∞ are rejected
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param targets row-major rows × classes target probabilities q (PyTorch's probability target), finite and ≥ 0,
     *                rows not required to sum to 1; {@code targets.length} must be {@code rows * classes}
     * @param options class weights and label smoothing ε; its reduction and ignore index are not used
     * @return a new array of the weighted per-row losses in {@link #unit()} ({@link Reduction#NONE}; PyTorch's
     *         {@code reduction='none'})
     */
    public float[] softmaxCrossEntropyPerRow(float[] logits, int rows, int classes, float[] targets,
                                             SoftmaxLossOptions options) {
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
     *         {@link Reduction#NONE}), in {@link #unit()}
     */
    public double softmaxCrossEntropy(float[] logits, int offset, int rows, int classes, float[] targets,
                                      int targetOffset, SoftmaxLossOptions options, float[] out, int outOffset) {
        return LossMeasures.softmaxProbs(kernels, unit, logits, offset, rows, classes, targets, targetOffset,
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
        double v = softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, options, out,
                outOffset);
        return LossMeasures.lastResult(v);
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
     * @return the reduced loss, in {@link #unit()}
     */
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
     *
     * @param targets the targets
     * @param probs predicted probabilities
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link #unit()}
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
     * @return the loss under the options' reduction, in {@link #unit()}; {@link Reduction#NONE} needs
     *         {@code out} and throws NullPointerException here
     */
    public double binaryCrossEntropy(double[] targets, double[] probs, LossOptions options) {
        int n = LossMeasures.length("targets", targets);
        LossMeasures.exactLength("probs", probs, n, "targets.length");
        return binaryCrossEntropy(targets, 0, probs, 0, n, options, null, 0);
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
     *         {@link Reduction#NONE}), in {@link #unit()}
     */
    public double binaryCrossEntropy(double[] targets, int targetOffset, double[] probs, int probOffset, int length,
                                     LossOptions options, double[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, false, targets, targetOffset, probs, probOffset, null, 0, length,
                options, out, outOffset);
    }

    /**
     * Binary cross-entropy from logits ({@code binary_cross_entropy_with_logits}), in {@link #unit()}, mean
     * over the elements: posWeight·y·softplus(−x) + (1 − y)·softplus(x), softplus(t) = max(t, 0) +
     * log1p(exp(−|t|)) — exact for large |x| where ln(1 + eˣ) would overflow or lose everything. x = ±∞ is
     * allowed (a term with a zero factor is 0; PyTorch gives NaN for x = +∞, y = 1); NaN is rejected.
     * {@link LossOptions#posWeight(double)} multiplies only the positive term, as in PyTorch.
     *
     * @param targets the targets
     * @param logits the logits, one per target
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link #unit()}
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
     * @return the loss under the options' reduction, in {@link #unit()}; {@link Reduction#NONE} needs
     *         {@code out} and throws NullPointerException here
     */
    public double binaryCrossEntropyWithLogits(double[] targets, double[] logits, LossOptions options) {
        int n = LossMeasures.length("targets", targets);
        LossMeasures.exactLength("logits", logits, n, "targets.length");
        return binaryCrossEntropyWithLogits(targets, 0, logits, 0, n, options, null, 0);
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
     *         {@link Reduction#NONE}), in {@link #unit()}
     */
    public double binaryCrossEntropyWithLogits(double[] targets, int targetOffset, double[] logits, int logitOffset,
                                               int length, LossOptions options, double[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, true, targets, targetOffset, logits, logitOffset, null, 0, length,
                options, out, outOffset);
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
     *
     * @param targets the targets
     * @param probs predicted probabilities
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link #unit()}
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
     * @return the loss under the options' reduction, in {@link #unit()}; {@link Reduction#NONE} needs
     *         {@code out} and throws NullPointerException here
     */
    public double logLoss(int[] targets, double[] probs, int rows, int classes, LossOptions options) {
        LossMeasures.exactMatrix("probs", probs, rows, classes);
        LossMeasures.exactLength("targets", targets, rows, "rows");
        return logLoss(targets, 0, probs, 0, rows, classes, options, null, 0);
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
     *         {@link Reduction#NONE}), in {@link #unit()}
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
     * {@link #binaryCrossEntropy(double[], double[], double[], LossOptions, double[])} or {@link #binaryCrossEntropyPerElement}.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param probs predicted probabilities pᵢ in [0, 1], one per target; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by the number of elements,
     *                MEAN_BY_WEIGHT by Σ wᵢ
     * @return the loss under the options' reduction, in {@link #unit()}
     */
    public double binaryCrossEntropy(double[] targets, double[] probs, double[] weights, LossOptions options) {
        return binaryCrossEntropy(targets, probs, weights, options, null);
    }

    /**
     * As {@link #binaryCrossEntropy(double[], double[], double[], LossOptions)}, and if {@code out} is not null (required
     * for {@link Reduction#NONE}; length {@code targets.length}) the weighted per-element losses in
     * {@link #unit()} are written to it. Returns the reduced loss (the sum for NONE).
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param probs predicted probabilities pᵢ in [0, 1], one per target; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by the number of elements,
     *                MEAN_BY_WEIGHT by Σ wᵢ
     * @param out receives the weighted per-element losses in {@link #unit()}; length {@code targets.length}; required
     *            for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
     */
    public double binaryCrossEntropy(double[] targets, double[] probs, double[] weights, LossOptions options, double[] out) {
        int n = LossMeasures.length("targets", targets);
        LossMeasures.exactLength("probs", probs, n, "targets.length");
        if (weights != null) {
            LossMeasures.exactLength("weights", weights, n, "targets.length");
        }
        if (out != null) {
            LossMeasures.exactLength("out", out, n, "targets.length");
        }
        return binaryCrossEntropy(targets, 0, probs, 0, weights, 0, n, options, out, 0);
    }

    /**
     * The weighted per-element binary cross-entropies ({@link Reduction#NONE}) in {@link #unit()}, in a new
     * array; {@code weights} may be null. The options' reduction is not used.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param probs predicted probabilities pᵢ in [0, 1], one per target; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options clipping epsilon (none by default); its reduction is not used
     * @return a new array of the weighted per-element losses in {@link #unit()} ({@link Reduction#NONE}; PyTorch's
     *         {@code reduction='none'})
     */
    public double[] binaryCrossEntropyPerElement(double[] targets, double[] probs, double[] weights, LossOptions options) {
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
     * @param out receives the weighted per-element losses in {@link #unit()} at {@code out[outOffset ..+ length)};
     *            required for {@link Reduction#NONE}, may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
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
     * @return the loss under the options' reduction, in {@link #unit()}
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
     * @param out receives the weighted per-element losses in {@link #unit()}; length {@code targets.length}; required
     *            for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
     */
    public double binaryCrossEntropyWithLogits(double[] targets, double[] logits, double[] weights, LossOptions options,
                                               double[] out) {
        int n = LossMeasures.length("targets", targets);
        LossMeasures.exactLength("logits", logits, n, "targets.length");
        if (weights != null) {
            LossMeasures.exactLength("weights", weights, n, "targets.length");
        }
        if (out != null) {
            LossMeasures.exactLength("out", out, n, "targets.length");
        }
        return binaryCrossEntropyWithLogits(targets, 0, logits, 0, weights, 0, n, options, out, 0);
    }

    /**
     * The weighted per-element losses from logits ({@link Reduction#NONE}) in a new array; weights may be null.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param logits the logits xᵢ, one per target; ±∞ allowed, NaN rejected; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options posWeight (PyTorch's {@code pos_weight}); its reduction is not used
     * @return a new array of the weighted per-element losses in {@link #unit()} ({@link Reduction#NONE}; PyTorch's
     *         {@code reduction='none'})
     */
    public double[] binaryCrossEntropyWithLogitsPerElement(double[] targets, double[] logits, double[] weights,
                                                        LossOptions options) {
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
     * @param out receives the weighted per-element losses in {@link #unit()} at {@code out[outOffset ..+ length)};
     *            required for {@link Reduction#NONE}, may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
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
     *              each row summing to 1 unless {@link #normalization()} is {@link Normalization#NORMALIZE};
     *              {@code probs.length} must be {@code rows * classes}
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0;
     *                      {@code sampleWeights.length} must be {@code rows}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by Σ wᵣ, as scikit-learn does,
     *                MEAN_BY_COUNT by the rows
     * @return the loss under the options' reduction, in {@link #unit()}
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
     *              each row summing to 1 unless {@link #normalization()} is {@link Normalization#NORMALIZE};
     *              {@code probs.length} must be {@code rows * classes}
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0;
     *                      {@code sampleWeights.length} must be {@code rows}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by Σ wᵣ, as scikit-learn does,
     *                MEAN_BY_COUNT by the rows
     * @param out receives the weighted per-row losses in {@link #unit()}; length {@code rows}; required for
     *            {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
     */
    public double logLoss(int[] targets, double[] probs, int rows, int classes, double[] sampleWeights,
                          LossOptions options, double[] out) {
        LossMeasures.exactMatrix("probs", probs, rows, classes);
        LossMeasures.exactLength("targets", targets, rows, "rows");
        if (sampleWeights != null) {
            LossMeasures.exactLength("sampleWeights", sampleWeights, rows, "rows");
        }
        if (out != null) {
            LossMeasures.exactLength("out", out, rows, "rows");
        }
        return logLoss(targets, 0, probs, 0, rows, classes, sampleWeights, 0, options, out, 0);
    }

    /**
     * The weighted per-row log losses ({@link Reduction#NONE}) in a new array; sampleWeights may be null.
     *
     * @param targets one class index per row, in [0, classes) (scikit-learn's {@code y_true}, label-encoded);
     *                {@code targets.length} must be {@code rows}
     * @param probs row-major rows × classes predicted probabilities (scikit-learn's {@code y_pred}), finite and ≥ 0,
     *              each row summing to 1 unless {@link #normalization()} is {@link Normalization#NORMALIZE};
     *              {@code probs.length} must be {@code rows * classes}
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0;
     *                      {@code sampleWeights.length} must be {@code rows}; null for all 1
     * @param options clipping epsilon (none by default); its reduction is not used
     * @return a new array of the weighted per-row losses in {@link #unit()} ({@link Reduction#NONE})
     */
    public double[] logLossPerRow(int[] targets, double[] probs, int rows, int classes, double[] sampleWeights,
                               LossOptions options) {
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
     *              {@link #normalization()} is {@link Normalization#NORMALIZE}
     * @param offset index in probs of the first element read
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0; null for all 1
     * @param weightOffset index in sampleWeights of the first weight (unused when sampleWeights is null)
     * @param options reduction and clipping epsilon (none by default); MEAN divides by Σ wᵣ, as scikit-learn does,
     *                MEAN_BY_COUNT by the rows
     * @param out receives the weighted per-row losses in {@link #unit()} at {@code out[outOffset ..+ rows)}; required
     *            for {@link Reduction#NONE}, may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
     */
    public double logLoss(int[] targets, int targetOffset, double[] probs, int offset, int rows, int classes,
                          double[] sampleWeights, int weightOffset, LossOptions options, double[] out, int outOffset) {
        return LossMeasures.logLoss(kernels, unit, normalization, targets, targetOffset, probs, offset, rows,
                classes, sampleWeights, weightOffset, options, out, outOffset);
    }

    /**
     * Binary cross-entropy −[y·ln p + (1 − y)·ln(1 − p)] per element ({@code torch.nn.functional.binary_cross_entropy}),
     * in {@link #unit()}, mean over the elements. Targets in [0, 1] (soft labels allowed), probabilities in
     * [0, 1]; ln(1 − p) is computed as log1p(−p). A term with a zero factor is 0, so p = 0 with y = 0 is fine,
     * but p = 0 with y &gt; 0 (or p = 1 with y &lt; 1) gives <b>+∞</b>: PyTorch clamps each log at −100
     * (a finite 100 nats), scikit-learn clips at eps; here clipping happens only if asked for
     * ({@link LossOptions#clip(double)}, {@link LossOptions#clipToTypeEpsilon()}).
     * Example: target 1, predicted 0.8 → −ln 0.8 = 0.2231 nats.
     *
     * @param targets the targets
     * @param probs predicted probabilities
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link #unit()}
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
     * @return the loss under the options' reduction, in {@link #unit()}; {@link Reduction#NONE} needs
     *         {@code out} and throws NullPointerException here
     */
    public double binaryCrossEntropy(float[] targets, float[] probs, LossOptions options) {
        int n = LossMeasures.length("targets", targets);
        LossMeasures.exactLength("probs", probs, n, "targets.length");
        return binaryCrossEntropy(targets, 0, probs, 0, n, options, null, 0);
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
     *         {@link Reduction#NONE}), in {@link #unit()}
     */
    public double binaryCrossEntropy(float[] targets, int targetOffset, float[] probs, int probOffset, int length,
                                     LossOptions options, float[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, false, targets, targetOffset, probs, probOffset, null, 0, length,
                options, out, outOffset);
    }

    /**
     * Binary cross-entropy from logits ({@code binary_cross_entropy_with_logits}), in {@link #unit()}, mean
     * over the elements: posWeight·y·softplus(−x) + (1 − y)·softplus(x), softplus(t) = max(t, 0) +
     * log1p(exp(−|t|)) — exact for large |x| where ln(1 + eˣ) would overflow or lose everything. x = ±∞ is
     * allowed (a term with a zero factor is 0; PyTorch gives NaN for x = +∞, y = 1); NaN is rejected.
     * {@link LossOptions#posWeight(double)} multiplies only the positive term, as in PyTorch.
     *
     * @param targets the targets
     * @param logits the logits, one per target
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link #unit()}
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
     * @return the loss under the options' reduction, in {@link #unit()}; {@link Reduction#NONE} needs
     *         {@code out} and throws NullPointerException here
     */
    public double binaryCrossEntropyWithLogits(float[] targets, float[] logits, LossOptions options) {
        int n = LossMeasures.length("targets", targets);
        LossMeasures.exactLength("logits", logits, n, "targets.length");
        return binaryCrossEntropyWithLogits(targets, 0, logits, 0, n, options, null, 0);
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
     *         {@link Reduction#NONE}), in {@link #unit()}
     */
    public double binaryCrossEntropyWithLogits(float[] targets, int targetOffset, float[] logits, int logitOffset,
                                               int length, LossOptions options, float[] out, int outOffset) {
        return LossMeasures.binary(kernels, unit, true, targets, targetOffset, logits, logitOffset, null, 0, length,
                options, out, outOffset);
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
     *
     * @param targets the targets
     * @param probs predicted probabilities
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @return the mean loss (the default {@link Reduction#MEAN}), in {@link #unit()}
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
     * @return the loss under the options' reduction, in {@link #unit()}; {@link Reduction#NONE} needs
     *         {@code out} and throws NullPointerException here
     */
    public double logLoss(int[] targets, float[] probs, int rows, int classes, LossOptions options) {
        LossMeasures.exactMatrix("probs", probs, rows, classes);
        LossMeasures.exactLength("targets", targets, rows, "rows");
        return logLoss(targets, 0, probs, 0, rows, classes, options, null, 0);
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
     *         {@link Reduction#NONE}), in {@link #unit()}
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
     * {@link #binaryCrossEntropy(float[], float[], float[], LossOptions, float[])} or {@link #binaryCrossEntropyPerElement}.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param probs predicted probabilities pᵢ in [0, 1], one per target; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by the number of elements,
     *                MEAN_BY_WEIGHT by Σ wᵢ
     * @return the loss under the options' reduction, in {@link #unit()}
     */
    public double binaryCrossEntropy(float[] targets, float[] probs, float[] weights, LossOptions options) {
        return binaryCrossEntropy(targets, probs, weights, options, null);
    }

    /**
     * As {@link #binaryCrossEntropy(float[], float[], float[], LossOptions)}, and if {@code out} is not null (required
     * for {@link Reduction#NONE}; length {@code targets.length}) the weighted per-element losses in
     * {@link #unit()} are written to it. Returns the reduced loss (the sum for NONE).
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param probs predicted probabilities pᵢ in [0, 1], one per target; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by the number of elements,
     *                MEAN_BY_WEIGHT by Σ wᵢ
     * @param out receives the weighted per-element losses in {@link #unit()}; length {@code targets.length}; required
     *            for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
     */
    public double binaryCrossEntropy(float[] targets, float[] probs, float[] weights, LossOptions options, float[] out) {
        int n = LossMeasures.length("targets", targets);
        LossMeasures.exactLength("probs", probs, n, "targets.length");
        if (weights != null) {
            LossMeasures.exactLength("weights", weights, n, "targets.length");
        }
        if (out != null) {
            LossMeasures.exactLength("out", out, n, "targets.length");
        }
        return binaryCrossEntropy(targets, 0, probs, 0, weights, 0, n, options, out, 0);
    }

    /**
     * The weighted per-element binary cross-entropies ({@link Reduction#NONE}) in {@link #unit()}, in a new
     * array; {@code weights} may be null. The options' reduction is not used.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param probs predicted probabilities pᵢ in [0, 1], one per target; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options clipping epsilon (none by default); its reduction is not used
     * @return a new array of the weighted per-element losses in {@link #unit()} ({@link Reduction#NONE}; PyTorch's
     *         {@code reduction='none'})
     */
    public float[] binaryCrossEntropyPerElement(float[] targets, float[] probs, float[] weights, LossOptions options) {
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
     * @param out receives the weighted per-element losses in {@link #unit()} at {@code out[outOffset ..+ length)};
     *            required for {@link Reduction#NONE}, may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
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
     * @return the loss under the options' reduction, in {@link #unit()}
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
     * @param out receives the weighted per-element losses in {@link #unit()}; length {@code targets.length}; required
     *            for {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
     */
    public double binaryCrossEntropyWithLogits(float[] targets, float[] logits, float[] weights, LossOptions options,
                                               float[] out) {
        int n = LossMeasures.length("targets", targets);
        LossMeasures.exactLength("logits", logits, n, "targets.length");
        if (weights != null) {
            LossMeasures.exactLength("weights", weights, n, "targets.length");
        }
        if (out != null) {
            LossMeasures.exactLength("out", out, n, "targets.length");
        }
        return binaryCrossEntropyWithLogits(targets, 0, logits, 0, weights, 0, n, options, out, 0);
    }

    /**
     * The weighted per-element losses from logits ({@link Reduction#NONE}) in a new array; weights may be null.
     *
     * @param targets the targets yᵢ in [0, 1] (soft labels allowed)
     * @param logits the logits xᵢ, one per target; ±∞ allowed, NaN rejected; same length as {@code targets}
     * @param weights per-element weights wᵢ (PyTorch's {@code weight}), finite and ≥ 0, one per target; same length as
     *                {@code targets}; null for all 1
     * @param options posWeight (PyTorch's {@code pos_weight}); its reduction is not used
     * @return a new array of the weighted per-element losses in {@link #unit()} ({@link Reduction#NONE}; PyTorch's
     *         {@code reduction='none'})
     */
    public float[] binaryCrossEntropyWithLogitsPerElement(float[] targets, float[] logits, float[] weights,
                                                        LossOptions options) {
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
     * @param out receives the weighted per-element losses in {@link #unit()} at {@code out[outOffset ..+ length)};
     *            required for {@link Reduction#NONE}, may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-element losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
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
     *              each row summing to 1 unless {@link #normalization()} is {@link Normalization#NORMALIZE};
     *              {@code probs.length} must be {@code rows * classes}
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0;
     *                      {@code sampleWeights.length} must be {@code rows}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by Σ wᵣ, as scikit-learn does,
     *                MEAN_BY_COUNT by the rows
     * @return the loss under the options' reduction, in {@link #unit()}
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
     *              each row summing to 1 unless {@link #normalization()} is {@link Normalization#NORMALIZE};
     *              {@code probs.length} must be {@code rows * classes}
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0;
     *                      {@code sampleWeights.length} must be {@code rows}; null for all 1
     * @param options reduction and clipping epsilon (none by default); MEAN divides by Σ wᵣ, as scikit-learn does,
     *                MEAN_BY_COUNT by the rows
     * @param out receives the weighted per-row losses in {@link #unit()}; length {@code rows}; required for
     *            {@link Reduction#NONE}, may be null otherwise
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
     */
    public double logLoss(int[] targets, float[] probs, int rows, int classes, float[] sampleWeights,
                          LossOptions options, float[] out) {
        LossMeasures.exactMatrix("probs", probs, rows, classes);
        LossMeasures.exactLength("targets", targets, rows, "rows");
        if (sampleWeights != null) {
            LossMeasures.exactLength("sampleWeights", sampleWeights, rows, "rows");
        }
        if (out != null) {
            LossMeasures.exactLength("out", out, rows, "rows");
        }
        return logLoss(targets, 0, probs, 0, rows, classes, sampleWeights, 0, options, out, 0);
    }

    /**
     * The weighted per-row log losses ({@link Reduction#NONE}) in a new array; sampleWeights may be null.
     *
     * @param targets one class index per row, in [0, classes) (scikit-learn's {@code y_true}, label-encoded);
     *                {@code targets.length} must be {@code rows}
     * @param probs row-major rows × classes predicted probabilities (scikit-learn's {@code y_pred}), finite and ≥ 0,
     *              each row summing to 1 unless {@link #normalization()} is {@link Normalization#NORMALIZE};
     *              {@code probs.length} must be {@code rows * classes}
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0;
     *                      {@code sampleWeights.length} must be {@code rows}; null for all 1
     * @param options clipping epsilon (none by default); its reduction is not used
     * @return a new array of the weighted per-row losses in {@link #unit()} ({@link Reduction#NONE})
     */
    public float[] logLossPerRow(int[] targets, float[] probs, int rows, int classes, float[] sampleWeights,
                               LossOptions options) {
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
     *              {@link #normalization()} is {@link Normalization#NORMALIZE}
     * @param offset index in probs of the first element read
     * @param rows number of rows (samples, ≥ 0)
     * @param classes number of classes (columns, ≥ 1)
     * @param sampleWeights one weight per row (scikit-learn's {@code sample_weight}), finite and ≥ 0; null for all 1
     * @param weightOffset index in sampleWeights of the first weight (unused when sampleWeights is null)
     * @param options reduction and clipping epsilon (none by default); MEAN divides by Σ wᵣ, as scikit-learn does,
     *                MEAN_BY_COUNT by the rows
     * @param out receives the weighted per-row losses in {@link #unit()} at {@code out[outOffset ..+ rows)}; required
     *            for {@link Reduction#NONE}, may be null otherwise
     * @param outOffset index in out of the first loss written
     * @return the loss under the options' reduction (the sum of the per-row losses for {@link Reduction#NONE}), in
     *         {@link #unit()}
     */
    public double logLoss(int[] targets, int targetOffset, float[] probs, int offset, int rows, int classes,
                          float[] sampleWeights, int weightOffset, LossOptions options, float[] out, int outOffset) {
        return LossMeasures.logLoss(kernels, unit, normalization, targets, targetOffset, probs, offset, rows,
                classes, sampleWeights, weightOffset, options, out, outOffset);
    }
}

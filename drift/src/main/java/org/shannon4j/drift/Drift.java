package org.shannon4j.drift;

import java.util.Arrays;
import java.util.Objects;

import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;
import org.shannon4j.spi.Context;
import org.shannon4j.spi.NumpySums;

/**
 * The drift family: measures between a reference and a current histogram (same bins) or sample, and the
 * {@link DriftPreset presets} that reproduce a monitoring tool's number and decision for one column. Immutable and
 * thread-safe; built from a handle's context, whose backend, unit and normalisation policy it uses:
 *
 * <pre>{@code
 * Drift drift = Drift.of(Shannon.get().context());
 * DriftResult r = drift.numeric(DriftPreset.EVIDENTLY, DriftMethod.PSI, reference, current);
 * DriftResult n = drift.numeric(DriftPreset.NANNYML, DriftMethod.JENSENSHANNON, reference, current);
 * }</pre>
 *
 * <h2>Measures between two histograms</h2>
 * The arguments are shares (or counts, under {@link Normalization#NORMALIZE}) of the same bins, p the reference
 * and q the current. KL, JS and Hellinger are the handle's own ({@link Shannon#klDivergence},
 * {@link Shannon#jsDivergence}, {@link Shannon#hellingerDistance}: written once, with their validation, policy and
 * accuracy bounds); this class adds the measures the handle does not have:
 * <ul>
 *   <li>PSI = Σ (pᵢ − qᵢ)·ln(pᵢ/qᵢ) on the shares as given (not normalised: Evidently's PSI is taken on shares
 *       whose empty bins were filled, see {@link EmptyBins}); = KL(p‖q) + KL(q‖p) when both sum to 1.</li>
 *   <li>total variation ½·Σ |pᵢ − qᵢ| and L∞ = maxᵢ |pᵢ − qᵢ| of the normalised p, q (unitless).</li>
 *   <li>{@link #jsDistance(double[], double[], double)}: scipy's {@code jensenshannon(p, q, base)} for any base.</li>
 * </ul>
 * Empty bins are handled by an explicit {@link EmptyBins} policy applied to the shares beforehand.
 *
 * <h2>Measures between two samples</h2>
 * {@link #wasserstein}: the exact Wasserstein-1 distance of the two empirical distributions (scipy's
 * {@code stats.wasserstein_distance}), and {@link #wassersteinNormed}: that divided by the reference's standard
 * deviation as Evidently does.
 *
 * <h2>Bad input</h2>
 * {@link IllegalArgumentException}s naming the argument, the index and the value; empty arguments and (for the
 * presets) columns with no finite value are errors, never a NaN.
 */
public final class Drift {

    private final Context context;
    private final Shannon handle;

    private Drift(Context context) {
        this.context = context;
        this.handle = Shannon.of(context);
    }

    /**
     * The drift family of a context: its backend for the distribution measures, its unit for PSI, KL and JS, its
     * policy for vectors that do not sum to 1.
     *
     * @param context a handle's context ({@link Shannon#context()})
     * @return the drift measures of that context
     */
    public static Drift of(Context context) {
        Objects.requireNonNull(context, "context must not be null");
        return new Drift(context);
    }

    /**
     * The context this family was built from.
     *
     * @return the context
     */
    public Context context() {
        return context;
    }

    /**
     * Counts as shares of their total: {@code counts[i] / Σ counts}, as {@code np.histogram(...)[0] / len(data)}
     * when every value fell in a bin.
     *
     * @param counts non-negative counts, at least one &gt; 0
     * @return the shares
     * @throws IllegalArgumentException naming a negative count, or if all are 0
     */
    public static double[] shares(long[] counts) {
        Objects.requireNonNull(counts, "counts must not be null");
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("counts[" + i + "] = " + counts[i] + ": counts must be >= 0");
            }
            total += counts[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("counts has no non-zero count (length " + counts.length + ")");
        }
        return shares(counts, total);
    }

    /** counts[i] / total, rounded once as numpy's integer array / int. */
    static double[] shares(long[] counts, long total) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (double) counts[i] / (double) total;
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------------------
    // Histogram measures
    // ----------------------------------------------------------------------------------------------------

    /**
     * Population stability index PSI = Σ (pᵢ − qᵢ)·ln(pᵢ/qᵢ), in the context's unit, on the shares as given (no
     * normalisation, no sum check: Evidently's and NannyML's PSI take filled shares that no longer sum to 1). A bin
     * empty on both sides adds 0; a bin empty on one side only makes PSI +∞ (fill it first, see
     * {@link EmptyBins}). The terms are all ≥ 0 and added with compensation.
     *
     * @param p the reference's shares
     * @param q the current's shares, same length
     * @return PSI, ≥ 0, in the context's unit
     * @throws IllegalArgumentException on empty or mismatched arrays, or a negative or non-finite share (naming
     *     the argument, index and value)
     */
    public double psi(double[] p, double[] q) {
        check(p, q);
        double sum = 0;
        double c = 0;
        for (int i = 0; i < p.length; i++) {
            double a = p[i];
            double b = q[i];
            double term;
            if (a == b) {
                term = 0; // also 0 when both are empty
            } else if (a == 0 || b == 0) {
                return context.unit().fromNats(Double.POSITIVE_INFINITY);
            } else {
                term = (a - b) * Math.log(a / b); // Evidently: (ref - cur) * np.log(ref / cur)
            }
            double t = sum + term;
            c += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }
        return context.unit().fromNats(sum + c);
    }

    /**
     * KL(p ‖ q) of the normalised shares, the handle's {@link Shannon#klDivergence(double[], double[])} (scipy's
     * {@code entropy(p, q)}), in the context's unit and under its policy. The other direction is
     * {@code klDivergence(q, p)}.
     *
     * @param p the first distribution (the reference, for KL(reference ‖ current))
     * @param q the second distribution
     * @return KL(p ‖ q), +∞ where pᵢ &gt; 0 = qᵢ
     */
    public double klDivergence(double[] p, double[] q) {
        return handle.klDivergence(p, q);
    }

    /**
     * Jensen–Shannon divergence of the normalised shares, the handle's
     * {@link Shannon#jsDivergence(double[], double[])}, in the context's unit and under its policy.
     *
     * @param p the reference's shares
     * @param q the current's shares
     * @return the JS divergence, in [0, ln 2] nats
     */
    public double jsDivergence(double[] p, double[] q) {
        return handle.jsDivergence(p, q);
    }

    /**
     * scipy's {@code spatial.distance.jensenshannon(p, q, base)}: p and q are normalised whatever the context's
     * policy (scipy divides by the sums), and the distance is √(JS / ln base), JS in nats. Evidently's
     * {@code jensenshannon} drift method is base e.
     *
     * @param p the reference's shares or counts
     * @param q the current's shares or counts
     * @param base the log base, finite, &gt; 0 and ≠ 1 ({@link Math#E} for nats, 2 for bits)
     * @return the JS distance in that base
     * @throws IllegalArgumentException on a bad base, or bad shares (from the handle's validation)
     */
    public double jsDistance(double[] p, double[] q, double base) {
        if (!(base > 0) || base == 1 || !Double.isFinite(base)) {
            throw new IllegalArgumentException("base = " + base + ": the log base must be finite, > 0 and != 1");
        }
        double nats = handle.withNormalization(Normalization.NORMALIZE).withUnit(InfoUnit.NATS).jsDivergence(p, q);
        return Math.sqrt(base == Math.E ? nats : nats / Math.log(base));
    }

    /**
     * Hellinger distance √(1 − Σ √(pᵢ·qᵢ)) of the normalised shares, the handle's
     * {@link Shannon#hellingerDistance(double[], double[])} (unitless, in [0, 1]).
     *
     * @param p the reference's shares
     * @param q the current's shares
     * @return the Hellinger distance
     */
    public double hellingerDistance(double[] p, double[] q) {
        return handle.hellingerDistance(p, q);
    }

    /**
     * Total variation distance ½·Σ |pᵢ − qᵢ| of the normalised shares (under the context's policy: REQUIRE checks
     * that each sums to 1, NORMALIZE divides by the sums). Unitless, in [0, 1].
     *
     * @param p the reference's shares
     * @param q the current's shares
     * @return the total variation distance
     */
    public double totalVariation(double[] p, double[] q) {
        check(p, q);
        double sp = normaliser("p", p);
        double sq = normaliser("q", q);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += Math.abs(p[i] / sp - q[i] / sq);
        }
        return Math.min(1.0, 0.5 * sum);
    }

    /**
     * L∞ distance maxᵢ |pᵢ − qᵢ| of the normalised shares (policy as {@link #totalVariation}). Unitless, in [0, 1].
     *
     * @param p the reference's shares
     * @param q the current's shares
     * @return the largest difference of a bin's shares
     */
    public double lInfinity(double[] p, double[] q) {
        check(p, q);
        double sp = normaliser("p", p);
        double sq = normaliser("q", q);
        double max = 0;
        for (int i = 0; i < p.length; i++) {
            max = Math.max(max, Math.abs(p[i] / sp - q[i] / sq));
        }
        return max;
    }

    // ----------------------------------------------------------------------------------------------------
    // Sample measures
    // ----------------------------------------------------------------------------------------------------

    /**
     * The exact Wasserstein-1 (earth mover's) distance between the empirical distributions of two samples, as
     * scipy's {@code stats.wasserstein_distance(u, v)} ({@code _cdf_distance} with p = 1): with all values of both
     * samples sorted into z₀ ≤ … ≤ z_{N−1} and U, V the empirical CDFs, W₁ = Σₖ |U(zₖ) − V(zₖ)|·(zₖ₊₁ − zₖ), each
     * CDF value being (number of values ≤ zₖ) / size as scipy computes it. The terms are ≥ 0 and added with
     * compensation (scipy's pairwise sum of the same terms differs by a few ulps). O((n + m) log(n + m)).
     *
     * @param u the first sample, not empty, finite
     * @param v the second sample, not empty, finite
     * @return W₁, in the samples' unit
     * @throws IllegalArgumentException on an empty sample or a non-finite value (naming the argument and index)
     */
    public static double wasserstein(double[] u, double[] v) {
        return wassersteinMerge(sortedFinite("u", u), u.length, sortedFinite("v", v), v.length);
    }

    /**
     * Evidently's normed Wasserstein distance ({@code _wasserstein_distance_norm} in
     * {@code evidently/legacy/calculations/stattests/wasserstein_distance_norm.py}):
     * W₁(reference, current) / max(σ, 0.001), σ the reference's population standard deviation (ddof = 0, which
     * is what {@code np.std} of Evidently's pandas Series computes). A constant reference (σ = 0) is divided by
     * 0.001, Evidently's floor. σ is summed as numpy and pandas sum (pairwise): mean = Σx / n, σ² = Σ(mean − x)² / n.
     *
     * @param reference the reference sample, not empty, finite
     * @param current the current sample, not empty, finite
     * @return the normed distance (unitless)
     * @throws IllegalArgumentException on an empty sample or a non-finite value (naming the argument and index)
     */
    public static double wassersteinNormed(double[] reference, double[] current) {
        double[] r = sortedFinite("reference", reference);
        double[] c = sortedFinite("current", current);
        return wassersteinMerge(r, reference.length, c, current.length) / Math.max(populationStd(reference), 0.001);
    }

    /** W₁ of two sorted samples: a merge over both, the CDF steps as scipy's searchsorted(..., 'right') / size. */
    static double wassersteinSorted(double[] u, double[] v) {
        int nu = u.length;
        int nv = v.length;
        // sorted copies with a +∞ sentinel each, so that the merge needs no bounds test
        double[] a = Arrays.copyOf(u, nu + 1);
        double[] b = Arrays.copyOf(v, nv + 1);
        a[nu] = Double.POSITIVE_INFINITY;
        b[nv] = Double.POSITIVE_INFINITY;
        return wassersteinMerge(a, nu, b, nv);
    }

    /**
     * The merge of two sorted samples padded with +∞: each merged value z_k after the first adds
     * |U − V|·(z_k − z_{k−1}), U and V the shares of each sample taken before z_k. Equal consecutive values add an
     * exact +0 (which leaves the compensated sum as it is), so the sum is the one over the distinct values, where
     * the CDFs count every value ≤ z as scipy's searchsorted(..., 'right') does. The merge takes from u on ties.
     */
    static double wassersteinMerge(double[] a, int nu, double[] b, int nv) {
        // The merge is one chain of dependent steps (compare, take, advance), so it runs as two independent
        // merges: each block of merged positions is cut in two halves whose starts are found by binary search
        // (coRank), the halves advance together, their terms go to a buffer in merged order, and the buffer is
        // added in that order: the same terms and the same sum, bit for bit, as one merge from the start.
        long total = (long) nu + nv;
        double[] terms = new double[2 * MERGE_HALF];
        double nuD = nu;
        double nvD = nv;
        double sum = 0;
        double c = 0;
        for (long start = 0; start < total; start += 2 * MERGE_HALF) {
            int len = (int) Math.min(2 * MERGE_HALF, total - start);
            int half = (len + 1) / 2;
            int i0 = coRank(a, nu, b, nv, start);
            int j0 = (int) (start - i0);
            int i1 = coRank(a, nu, b, nv, start + half);
            int j1 = (int) (start + half - i1);
            double z0 = lastTaken(a, i0, b, j0);
            double z1 = lastTaken(a, i1, b, j1);
            int k = 0;
            for (int both = len - half; k < both; k++) {
                // The two halves' steps written out side by side, so that they interleave (a step method would
                // have to return i, j and z). Branch-free: take = 1 when a's value comes first (x <= y; the + 0.0
                // makes x − x = −0.0 a +0.0).
                double x0 = a[i0];
                double y0 = b[j0];
                int take0 = 1 - (int) (Double.doubleToRawLongBits((y0 - x0) + 0.0) >>> 63);
                long bx0 = Double.doubleToRawLongBits(x0);
                long by0 = Double.doubleToRawLongBits(y0);
                double next0 = Double.longBitsToDouble(by0 ^ ((bx0 ^ by0) & -(long) take0));
                terms[k] = Math.abs(i0 / nuD - j0 / nvD) * (next0 - z0);
                z0 = next0;
                i0 += take0;
                j0 += 1 - take0;

                double x1 = a[i1];
                double y1 = b[j1];
                int take1 = 1 - (int) (Double.doubleToRawLongBits((y1 - x1) + 0.0) >>> 63);
                long bx1 = Double.doubleToRawLongBits(x1);
                long by1 = Double.doubleToRawLongBits(y1);
                double next1 = Double.longBitsToDouble(by1 ^ ((bx1 ^ by1) & -(long) take1));
                terms[half + k] = Math.abs(i1 / nuD - j1 / nvD) * (next1 - z1);
                z1 = next1;
                i1 += take1;
                j1 += 1 - take1;
            }
            if (k < half) { // an odd block: the first half's last step
                double x0 = a[i0];
                double y0 = b[j0];
                terms[k] = Math.abs(i0 / nuD - j0 / nvD) * ((x0 <= y0 ? x0 : y0) - z0);
            }
            for (int t = 0; t < len; t++) {
                double term = terms[t];
                double u = sum + term;
                c += sum >= term ? (sum - u) + term : (term - u) + sum;
                sum = u;
            }
        }
        return sum + c;
    }

    /** Merged positions per half of a block of {@link #wassersteinMerge} (the block's terms: 32 KiB, in L1). */
    private static final int MERGE_HALF = 2048;

    /**
     * The number of a's values among the first k values of the merge (ties taken from a first): the least i with
     * b[k − i − 1] &lt; a[i] (or k − i = 0). Both arrays end in a +∞ sentinel.
     */
    static int coRank(double[] a, int nu, double[] b, int nv, long k) {
        int lo = (int) Math.max(0, k - nv);
        int hi = (int) Math.min(k, nu);
        while (lo < hi) {
            int i = (lo + hi) >>> 1;
            int j = (int) (k - i);
            if (j > 0 && a[i] <= b[j - 1]) {
                lo = i + 1; // a[i] comes before b[j − 1]: more of a is taken
            } else {
                hi = i;
            }
        }
        return lo;
    }

    /**
     * The value the merge took last when it has taken a[0, i) and b[0, j): the larger of a[i − 1] and b[j − 1];
     * min(a[0], b[0]) before the first step, as the merge starts. (Of two equal values of opposite zero sign
     * either serves: a zero difference adds an exact ±0, which leaves the compensated sum's bits as they are.)
     */
    private static double lastTaken(double[] a, int i, double[] b, int j) {
        if (i == 0 && j == 0) {
            return Math.min(a[0], b[0]);
        }
        return i == 0 ? b[j - 1] : j == 0 ? a[i - 1] : Math.max(a[i - 1], b[j - 1]);
    }

    /** numpy/pandas population standard deviation: pairwise sums, mean = Σx / n, σ² = Σ (x − mean)² / n. */
    static double populationStd(double[] x) {
        return NumpySums.populationStd(x); // (mean − x)² and (x − mean)² are the same double
    }

    private static double[] sortedFinite(String name, double[] a) {
        Objects.requireNonNull(a, name + " must not be null");
        if (a.length == 0) {
            throw new IllegalArgumentException(name + " is empty: a sample needs at least one value");
        }
        for (int k = 0; k < a.length; k++) {
            if (!Double.isFinite(a[k])) {
                throw new IllegalArgumentException(name + "[" + k + "] = " + a[k]
                        + ": sample values must be finite (the presets drop NaN and ±∞ first)");
            }
        }
        // a sorted copy with the +∞ sentinel of wassersteinMerge, by the JDK's sort: these static forms have no
        // backend; the EVIDENTLY preset's Wasserstein and KS (Drift.of(context)) sort with the backend's kernel, a
        // radix sort on AVX2 CPUs where the JDK's sort of doubles has no vectors (docs/performance-notes.md, "Sorting")
        double[] s = Arrays.copyOf(a, a.length + 1);
        Arrays.sort(s, 0, a.length);
        s[a.length] = Double.POSITIVE_INFINITY;
        return s;
    }

    // ----------------------------------------------------------------------------------------------------
    // Presets
    // ----------------------------------------------------------------------------------------------------

    /**
     * A preset's value and decision for one numeric column pair, with the method's default threshold.
     *
     * @param preset the tool whose rules are reproduced
     * @param method the drift method
     * @param reference the reference column (NaN and ±∞ are dropped, as the tool does)
     * @param current the current column (likewise)
     * @return the value, the threshold and the decision
     * @throws IllegalArgumentException if a column is empty or has no finite value (naming it)
     */
    public DriftResult numeric(DriftPreset preset, DriftMethod method, double[] reference, double[] current) {
        Objects.requireNonNull(preset, "preset must not be null");
        Objects.requireNonNull(method, "method must not be null");
        return switch (preset) {
            case EVIDENTLY -> numeric(preset, method, reference, current, method.defaultThreshold(preset));
            case NANNYML -> NannyMLRules.numeric(this, method, reference, current, Double.NaN);
        };
    }

    /**
     * The preset's default threshold for a method and reference column: Evidently's constant 0.1, or NannyML's
     * mean + 3 standard deviations of the method's values on the reference's ten chunks (see
     * {@link DriftPreset#NANNYML}).
     *
     * @param preset the tool whose rules are reproduced
     * @param method the drift method
     * @param reference the reference column (as passed to {@link #numeric})
     * @return the threshold the 4-argument {@link #numeric} compares with
     * @throws IllegalArgumentException if the preset lacks the method, or (NannyML) the reference has fewer than
     *     10 rows, ±∞, or no value that is not NaN
     */
    public double defaultThreshold(DriftPreset preset, DriftMethod method, double[] reference) {
        Objects.requireNonNull(preset, "preset must not be null");
        Objects.requireNonNull(method, "method must not be null");
        return switch (preset) {
            case EVIDENTLY -> method.defaultThreshold(preset);
            case NANNYML -> NannyMLRules.defaultThreshold(this, method, reference);
        };
    }

    /**
     * A preset's value and decision for one numeric column pair, with the given threshold.
     *
     * @param preset the tool whose rules are reproduced
     * @param method the drift method
     * @param reference the reference column (NaN and ±∞ are dropped, as the tool does)
     * @param current the current column (likewise)
     * @param threshold the drift threshold (the decision is the tool's comparison with it: Evidently
     *     {@code value >= threshold}, NannyML {@code value > threshold})
     * @return the value, the threshold and the decision
     * @throws IllegalArgumentException if a column is empty or has no finite value (naming it), or the threshold
     *     is NaN
     */
    public DriftResult numeric(DriftPreset preset, DriftMethod method, double[] reference, double[] current,
            double threshold) {
        checkPresetArguments(preset, method, threshold);
        return switch (preset) {
            case EVIDENTLY -> {
                method.requireIn(preset);
                yield EvidentlyRules.numeric(this, method, reference, current, threshold);
            }
            case NANNYML -> NannyMLRules.numeric(this, method, reference, current, threshold);
        };
    }

    /**
     * A preset's value and decision for one categorical column pair, with the preset's default threshold
     * (Evidently: 0.1, drift if value ≥ 0.1, and for its tests chisquare and z, value = p-value, drift if p &lt;
     * 0.05; NannyML: mean + 3 sd over the reference's chunks, drift if value &gt;
     * threshold, and for {@code chi2} p &lt; 0.05). Categories are strings compared exactly; {@code null} is a
     * missing value, dropped as both tools drop NaN. Categories unseen in the reference follow the tool's rule:
     * Evidently gives each its own bin over reference ∪ current (PSI and KL fill its empty reference share with
     * {@link EmptyBins#EVIDENTLY}); NannyML's JS and Hellinger pool them into one leftover bin whose reference
     * share is 0, its L∞ and chi-square keep each. See {@link CategoryCounts} for the counts themselves.
     *
     * @param preset the tool whose rules are reproduced
     * @param method a categorical method of the preset ({@link DriftMethod#categoricalIn}): Evidently psi,
     *     kl_div, jensenshannon, hellinger, chisquare, z; NannyML jensen_shannon, hellinger, l_infinity, chi2
     * @param reference the reference column, {@code null} for missing
     * @param current the current column, {@code null} for missing
     * @return the value, the threshold and the decision
     * @throws IllegalArgumentException if the preset lacks the method, a column is empty or only missing, or
     *     (NannyML's default threshold) the reference has fewer than 10 rows
     */
    public DriftResult categorical(DriftPreset preset, DriftMethod method, String[] reference, String[] current) {
        Objects.requireNonNull(preset, "preset must not be null");
        Objects.requireNonNull(method, "method must not be null");
        return switch (preset) {
            case EVIDENTLY -> {
                method.require(preset, true);
                yield CategoricalRules.evidently(this, method, reference, current, method.defaultThreshold(preset));
            }
            case NANNYML -> CategoricalRules.nannyml(this, method, reference, current, Double.NaN);
        };
    }

    /**
     * A preset's value and decision for one categorical column pair, with the given threshold (for NannyML's
     * {@code chi2}, the p-value's threshold: drift if p &lt; threshold; NannyML itself ignores a custom threshold
     * for chi2 and always uses 0.05).
     *
     * @param preset the tool whose rules are reproduced
     * @param method a categorical method of the preset
     * @param reference the reference column, {@code null} for missing
     * @param current the current column, {@code null} for missing
     * @param threshold the drift threshold
     * @return the value, the threshold and the decision
     * @throws IllegalArgumentException as {@link #categorical(DriftPreset, DriftMethod, String[], String[])}, or
     *     for a NaN threshold
     */
    public DriftResult categorical(DriftPreset preset, DriftMethod method, String[] reference, String[] current,
            double threshold) {
        checkPresetArguments(preset, method, threshold);
        return switch (preset) {
            case EVIDENTLY -> CategoricalRules.evidently(this, method, reference, current, threshold);
            case NANNYML -> CategoricalRules.nannyml(this, method, reference, current, threshold);
        };
    }

    /**
     * As {@link #categorical(DriftPreset, DriftMethod, String[], String[])} for numbers taken as categories: a
     * pandas numeric column that the tool treats as categorical (Evidently: an integer column with few values) or
     * that the caller declares so. Each distinct value is a category (−0.0 and 0.0 one); NaN is missing, and so
     * are ±∞ under Evidently's rules (it drops them from every column). The categories are ordered as numbers
     * where the order matters: Evidently's {@code z} tests "not the least value", as Python's {@code sorted}
     * orders a numeric column, where the strings of the same values would order "10" before "9".
     *
     * @param preset the tool whose rules are reproduced
     * @param method a categorical method of the preset ({@link DriftMethod#categoricalIn})
     * @param reference the reference column, NaN for missing
     * @param current the current column, NaN for missing
     * @return the value, the threshold and the decision
     * @throws IllegalArgumentException as {@link #categorical(DriftPreset, DriftMethod, String[], String[])}
     */
    public DriftResult categorical(DriftPreset preset, DriftMethod method, double[] reference, double[] current) {
        Objects.requireNonNull(preset, "preset must not be null");
        Objects.requireNonNull(method, "method must not be null");
        method.require(preset, true);
        // NaN: NannyML's default threshold, from the reference's chunks
        return numberCategorical(preset, method, reference, current, preset == DriftPreset.EVIDENTLY
                ? method.defaultThreshold(preset) : Double.NaN);
    }

    /**
     * As {@link #categorical(DriftPreset, DriftMethod, double[], double[])} with the given threshold (see
     * {@link #categorical(DriftPreset, DriftMethod, String[], String[], double)}).
     *
     * @param preset the tool whose rules are reproduced
     * @param method a categorical method of the preset
     * @param reference the reference column, NaN for missing
     * @param current the current column, NaN for missing
     * @param threshold the drift threshold
     * @return the value, the threshold and the decision
     * @throws IllegalArgumentException as {@link #categorical(DriftPreset, DriftMethod, String[], String[],
     *     double)}
     */
    public DriftResult categorical(DriftPreset preset, DriftMethod method, double[] reference, double[] current,
            double threshold) {
        checkPresetArguments(preset, method, threshold);
        return numberCategorical(preset, method, reference, current, threshold);
    }

    private DriftResult numberCategorical(DriftPreset preset, DriftMethod method, double[] reference,
            double[] current, double threshold) {
        Objects.requireNonNull(reference, "reference must not be null");
        Objects.requireNonNull(current, "current must not be null");
        boolean evidently = preset == DriftPreset.EVIDENTLY;
        String[] ref = numberCategories(reference, evidently);
        String[] cur = numberCategories(current, evidently);
        if (!evidently) {
            return CategoricalRules.nannyml(this, method, ref, cur, threshold);
        }
        method.require(preset, true);
        double least = Double.POSITIVE_INFINITY;
        for (double[] a : new double[][] {reference, current}) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    least = Math.min(least, v);
                }
            }
        }
        // no finite value: CategoricalRules names the empty column
        String first = least == Double.POSITIVE_INFINITY ? null : EvidentlyRules.category(least);
        return CategoricalRules.evidently(this, method, ref, cur, threshold, first);
    }

    /** Each value's category string: NaN missing, and ±∞ too when dropped. */
    private static String[] numberCategories(double[] a, boolean dropInfinite) {
        String[] out = new String[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = dropInfinite && Double.isInfinite(a[i]) ? null : EvidentlyRules.category(a[i]);
        }
        return out;
    }

    /**
     * The preset's default threshold for a categorical method and reference column (see
     * {@link #categorical(DriftPreset, DriftMethod, String[], String[])}).
     *
     * @param preset the tool whose rules are reproduced
     * @param method a categorical method of the preset
     * @param reference the reference column, {@code null} for missing
     * @return the threshold
     * @throws IllegalArgumentException if the preset lacks the method, or the reference is empty, only missing,
     *     or (NannyML) shorter than 10 rows
     */
    public double defaultThreshold(DriftPreset preset, DriftMethod method, String[] reference) {
        Objects.requireNonNull(preset, "preset must not be null");
        Objects.requireNonNull(method, "method must not be null");
        return switch (preset) {
            case EVIDENTLY -> {
                method.require(preset, true);
                yield method.defaultThreshold(preset);
            }
            case NANNYML -> CategoricalRules.nannymlDefaultThreshold(this, method, reference);
        };
    }

    private static void checkPresetArguments(DriftPreset preset, DriftMethod method, double threshold) {
        Objects.requireNonNull(preset, "preset must not be null");
        Objects.requireNonNull(method, "method must not be null");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold = NaN: a drift threshold must be a number");
        }
    }

    /** This family in nats under NORMALIZE: scipy's conventions, which the presets follow. */
    Drift scipy() {
        Context c = context.withUnit(InfoUnit.NATS).withNormalization(Normalization.NORMALIZE);
        return c.equals(context) ? this : new Drift(c);
    }

    // ----------------------------------------------------------------------------------------------------
    // Checks
    // ----------------------------------------------------------------------------------------------------

    private static void check(double[] p, double[] q) {
        Objects.requireNonNull(p, "p must not be null");
        Objects.requireNonNull(q, "q must not be null");
        if (p.length == 0) {
            throw new IllegalArgumentException("p is empty: a histogram needs at least one bin");
        }
        if (p.length != q.length) {
            throw new IllegalArgumentException("p has " + p.length + " bins and q has " + q.length
                    + ": both histograms must have the same bins");
        }
        checkShares("p", p);
        checkShares("q", q);
    }

    private static void checkShares(String name, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] >= 0) || a[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + a[i]
                        + ": shares must be finite and >= 0");
            }
        }
    }

    /** The divisor that normalises a (REQUIRE: 1, after checking the sum; NORMALIZE: its sum). */
    private double normaliser(String name, double[] a) {
        double s = BinEdges.pairwiseSum(a, 0, a.length);
        if (!(s > 0) || s == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " sums to " + s + ": shares must have a positive finite sum");
        }
        if (context.normalization() == Normalization.REQUIRE) {
            if (Math.abs(s - 1) > Normalization.sumTolerance(a.length, false)) {
                throw new IllegalArgumentException(name + " sums to " + s
                        + ", not 1: pass shares, or use Normalization.NORMALIZE for counts");
            }
            return 1.0;
        }
        return s;
    }
}

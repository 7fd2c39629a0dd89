package org.shannon4j.drift;

import java.util.Locale;

/**
 * The drift methods of the presets. The rules {@link DriftPreset#NANNYML} applies are in that constant's Javadoc
 * (and {@code NannyMLRules}); below are those {@link DriftPreset#EVIDENTLY} reproduces (Evidently 0.7.x,
 * {@code src/evidently/legacy/calculations/stattests/}). Common to the binned methods (PSI, KL, JS) is
 * {@code get_binned_data} in {@code utils.py}: if the reference has more than 20 distinct values
 * ({@code reference.nunique() > 20}), the edges are {@code np.histogram_bin_edges(concat(reference, current),
 * bins="sturges")} and each histogram's shares are its counts over its length; otherwise there is one bin per
 * distinct value of reference ∪ current, and the shares are each value's count over the column's length.
 */
public enum DriftMethod {
    /**
     * {@code psi} ({@code psi.py}, {@code _psi}): the binned shares, empty bins filled by {@link EmptyBins#EVIDENTLY}
     * (not renormalised), PSI = Σ (r − c)·ln(r / c) (see {@link Drift#psi}).
     */
    PSI("psi", null, K.EVIDENTLY_NUMERIC | K.EVIDENTLY_CATEGORICAL),
    /**
     * {@code kl_div} ({@code kl_div.py}, {@code _kl_div}): the binned shares filled by {@link EmptyBins#EVIDENTLY},
     * then scipy's {@code stats.entropy(reference, current)}, which renormalises them: KL(reference ‖ current)
     * in nats.
     */
    KL_DIV("kl_div", null, K.EVIDENTLY_NUMERIC | K.EVIDENTLY_CATEGORICAL),
    /**
     * {@code jensenshannon} ({@code jensenshannon.py}, {@code _jensenshannon}): the binned shares without a fill
     * ({@code feel_zeroes=False}), then scipy's {@code spatial.distance.jensenshannon} with base e: the JS
     * distance in nats (see {@link Drift#jsDistance}).
     */
    JENSENSHANNON("jensenshannon", "jensen_shannon", K.ALL),
    /**
     * {@code hellinger} ({@code hellinger_distance.py}, {@code _hellinger_distance}, numeric branch): edges
     * {@code np.histogram_bin_edges(keys, bins="sturges")} where keys are the <em>distinct</em> values of reference
     * ∪ current (whatever their number), both columns counted into them, H = √(1 − clip(Σ √(dᵣ·d_c)·w, 0, 1)) with
     * densities d = count / (bin width) / n and w the mean bin width. Mathematically the Hellinger distance of the
     * two histograms' shares ({@link Drift#hellingerDistance}), but each term carries the factor w / (bin width),
     * 1 only up to the rounding of the edges (2.8e-10 relative in H for values near 10⁶), and 1 − Σ cancels for a
     * small H: the preset computes Evidently's form to give Evidently's number.
     */
    HELLINGER("hellinger", "hellinger", K.ALL),
    /**
     * {@code wasserstein} ({@code wasserstein_distance_norm.py}, {@code _wasserstein_distance_norm}): scipy's
     * {@code wasserstein_distance(reference, current)} / max(σ_reference, 0.001), σ with ddof = 0 (see
     * {@link Drift#wassersteinNormed}).
     */
    WASSERSTEIN("wasserstein", "wasserstein", K.EVIDENTLY_NUMERIC | K.NANNYML_NUMERIC),
    /**
     * The two-sample Kolmogorov–Smirnov test on D = max |F_reference − F_current|. Evidently's {@code ks}
     * ({@code ks_stattest.py}): scipy's {@code ks_2samp} p-value is the value, drift if p ≤ 0.05 (≤, unlike its
     * other tests); its p-value is scipy 1.10's ks_2samp in 'auto' mode: exact up to 10,000 values a column, the
     * asymptotic kstwo distribution above (see {@code KolmogorovSmirnov}).

     * NannyML's {@code kolmogorov_smirnov}: the value is D itself.
     */
    KOLMOGOROV_SMIRNOV("ks", "kolmogorov_smirnov", K.EVIDENTLY_NUMERIC | K.NANNYML_NUMERIC),
    /**
     * NannyML's {@code l_infinity} (categorical): max over the categories of reference ∪ current of |r − c|, r
     * and c each category's share ({@code value_counts(normalize=True)}).
     */
    L_INFINITY(null, "l_infinity", K.NANNYML_CATEGORICAL),
    /**
     * Chi-square (categorical). Evidently's {@code chisquare} ({@code chisquare_stattest.py}): scipy's
     * {@code chisquare(f_obs, f_exp)} with f_obs the current's counts and f_exp the reference's scaled by
     * n_current / n_reference over reference ∪ current (a category absent from the reference makes the statistic
     * +∞ and p = 0); the value is the p-value, drift is p &lt; 0.05. With a single category scipy's p-value is NaN
     * (0 degrees of freedom): here it is 1, no drift. NannyML's {@code chi2}: scipy's {@code chi2_contingency} of
     * the k × 2 table of counts (categories of reference ∪ current × reference, current), with Yates' correction
     * when k = 2; the value is the statistic, drift is p &lt; 0.05.
     */
    CHI_SQUARE("chisquare", "chi2", K.EVIDENTLY_NUMERIC | K.EVIDENTLY_CATEGORICAL | K.NANNYML_CATEGORICAL),
    /**
     * Evidently's two-proportion Z test {@code z} ({@code z_stattest.py}, categorical): with k₀ the smallest
     * category of reference ∪ current (Python's sort), the shares p₁, p₂ of values ≠ k₀, P the pooled share, z =
     * (p₁ − p₂) / √(P(1 − P)(1/n₁ + 1/n₂)) and p = 2·(1 − Φ(|z|)); p = 1 if both columns hold one and the same
     * value. The value is the p-value, drift is p &lt; 0.05.
     */
    Z("z", null, K.EVIDENTLY_NUMERIC | K.EVIDENTLY_CATEGORICAL);

    /** Evidently's default methods switch at this many reference rows ({@code _get_default_stattest}). */
    static final int EVIDENTLY_MAX_ROWS_FOR_TESTS = 1000;

    /**
     * Evidently 0.7's default method for a column ({@code _get_default_stattest} in
     * {@code legacy/calculations/stattests/registry.py}), from the cleaned columns' sizes: with n the distinct
     * values of reference and current together, a reference of at most 1,000 values gets a test (numeric: KS if
     * n &gt; 5, else chi-square if n &gt; 2, else Z; categorical: chi-square if n &gt; 2, else Z), a larger one a
     * distance (numeric: JS if n ≤ 5, else the normed Wasserstein; categorical: JS). Chi-square and Z on a
     * numeric column take its values as categories ({@link Drift#numeric} does so).
     *
     * @param categorical whether the column is categorical (Evidently's column type)
     * @param referenceRows the reference's size after dropping missing values
     * @param distinctValues the number of distinct values of reference ∪ current
     * @return the method Evidently would choose
     * @throws IllegalArgumentException if a count is below 1
     */
    public static DriftMethod evidentlyDefault(boolean categorical, long referenceRows, long distinctValues) {
        if (referenceRows < 1 || distinctValues < 1) {
            throw new IllegalArgumentException("referenceRows = " + referenceRows + ", distinctValues = "
                    + distinctValues + ": both must be >= 1");
        }
        if (referenceRows <= EVIDENTLY_MAX_ROWS_FOR_TESTS) {
            if (!categorical && distinctValues > 5) {
                return KOLMOGOROV_SMIRNOV;
            }
            return distinctValues > 2 ? CHI_SQUARE : Z;
        }
        return categorical || distinctValues <= 5 ? JENSENSHANNON : WASSERSTEIN;
    }

    /** Which presets have a method, for which column kinds (enum constants cannot see the enum's own statics). */
    private static final class K {
        static final int EVIDENTLY_NUMERIC = 1;
        static final int EVIDENTLY_CATEGORICAL = 2;
        static final int NANNYML_NUMERIC = 4;
        static final int NANNYML_CATEGORICAL = 8;
        static final int ALL = 15;
    }

    private final String evidentlyName;
    private final String nannymlName;
    private final int kinds;

    DriftMethod(String evidentlyName, String nannymlName, int kinds) {
        this.evidentlyName = evidentlyName;
        this.nannymlName = nannymlName;
        this.kinds = kinds;
    }

    /**
     * The name the tools give this method: Evidently's ({@code "psi"}, {@code "kl_div"}, {@code "jensenshannon"},
     * {@code "hellinger"}, {@code "wasserstein"}), or NannyML's for a method only NannyML has
     * ({@code "kolmogorov_smirnov"}, {@code "l_infinity"}, {@code "chi2"}).
     *
     * @return the tool's name of this method
     */
    public String toolName() {
        return evidentlyName != null ? evidentlyName : nannymlName;
    }

    /**
     * The name this preset's tool gives this method (NannyML: {@code "jensen_shannon"}, {@code "hellinger"},
     * {@code "wasserstein"}, {@code "kolmogorov_smirnov"}).
     *
     * @param preset the preset
     * @return the tool's name of this method
     * @throws IllegalArgumentException if the preset does not have this method
     */
    public String toolName(DriftPreset preset) {
        java.util.Objects.requireNonNull(preset, "preset must not be null");
        if (!numericIn(preset) && !categoricalIn(preset)) {
            require(preset, false);
        }
        return preset == DriftPreset.EVIDENTLY ? evidentlyName : nannymlName;
    }

    /**
     * Whether the preset has this method for numeric columns.
     *
     * @param preset the preset
     * @return true if {@link Drift#numeric} takes this method with that preset
     */
    public boolean numericIn(DriftPreset preset) {
        java.util.Objects.requireNonNull(preset, "preset must not be null");
        return (kinds & (preset == DriftPreset.EVIDENTLY ? K.EVIDENTLY_NUMERIC : K.NANNYML_NUMERIC)) != 0;
    }

    /**
     * Whether the preset has this method for categorical columns.
     *
     * @param preset the preset
     * @return true if {@link Drift#categorical} takes this method with that preset
     */
    public boolean categoricalIn(DriftPreset preset) {
        java.util.Objects.requireNonNull(preset, "preset must not be null");
        return (kinds & (preset == DriftPreset.EVIDENTLY ? K.EVIDENTLY_CATEGORICAL : K.NANNYML_CATEGORICAL)) != 0;
    }

    void requireIn(DriftPreset preset) {
        require(preset, false);
    }

    void require(DriftPreset preset, boolean categorical) {
        java.util.function.Predicate<DriftMethod> has = m -> categorical ? m.categoricalIn(preset) : m.numericIn(preset);
        if (!has.test(this)) {
            throw new IllegalArgumentException("method = " + this + ": not a " + (categorical ? "categorical"
                    : "numeric") + " method of the " + preset + " preset (" + java.util.Arrays.stream(values())
                            .filter(has).map(m -> m.toolName(preset))
                            .collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
    }

    /**
     * The method a tool calls {@code name}.
     *
     * @param name psi, kl_div, jensenshannon, hellinger, wasserstein (Evidently's names) or jensen_shannon,
     *     kolmogorov_smirnov, l_infinity, chi2 (NannyML's), case-insensitive
     * @return the method
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static DriftMethod named(String name) {
        java.util.Objects.requireNonNull(name, "name must not be null");
        String n = name.toLowerCase(Locale.ROOT);
        for (DriftMethod m : values()) {
            if (n.equals(m.evidentlyName) || n.equals(m.nannymlName)) {
                return m;
            }
        }
        throw new IllegalArgumentException("name = \"" + name + "\": not a drift method (" + String.join(", ",
                names()) + ")");
    }

    /**
     * Every name {@link #named} takes: Evidently's, then NannyML's where they differ.
     *
     * @return the names
     */
    public static java.util.List<String> names() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (DriftMethod m : values()) {
            if (m.evidentlyName != null) {
                out.add(m.evidentlyName);
            }
        }
        for (DriftMethod m : values()) {
            if (m.nannymlName != null) {
                out.add(m.nannymlName);
            }
        }
        return java.util.List.copyOf(out);
    }

    /**
     * The preset's default threshold for this method when it is a constant: 0.1 for Evidently 0.7's distances
     * ({@code default_threshold=0.1} in their {@code StatTest}), 0.05 for its tests (chi-square, Z: the p-value's
     * threshold, {@code StatTest}'s default) and KS ({@code default_threshold=0.05}). NannyML's default threshold is computed from
     * the reference (see {@link DriftPreset#NANNYML} and {@link Drift#defaultThreshold}), so it has none here.
     *
     * @param preset the preset
     * @return the default threshold
     * @throws IllegalArgumentException for {@link DriftPreset#NANNYML}, or a method the preset does not have
     */
    public double defaultThreshold(DriftPreset preset) {
        java.util.Objects.requireNonNull(preset, "preset must not be null");
        if (!numericIn(preset) && !categoricalIn(preset)) {
            require(preset, false);
        }
        return switch (preset) {
            case EVIDENTLY -> this == CHI_SQUARE || this == Z || this == KOLMOGOROV_SMIRNOV ? 0.05 : 0.1;
            case NANNYML -> throw new IllegalArgumentException("preset = NANNYML: NannyML's default threshold is"
                    + " computed from the reference (Drift.defaultThreshold), it is no constant");
        };
    }
}

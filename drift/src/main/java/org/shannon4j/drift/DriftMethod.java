package org.shannon4j.drift;

import java.util.Locale;

/**
 * The drift methods of the presets, with the rules {@link DriftPreset#EVIDENTLY} reproduces (Evidently 0.7.x,
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
    PSI("psi"),
    /**
     * {@code kl_div} ({@code kl_div.py}, {@code _kl_div}): the binned shares filled by {@link EmptyBins#EVIDENTLY},
     * then scipy's {@code stats.entropy(reference, current)}, which renormalises them: KL(reference ‖ current)
     * in nats.
     */
    KL_DIV("kl_div"),
    /**
     * {@code jensenshannon} ({@code jensenshannon.py}, {@code _jensenshannon}): the binned shares without a fill
     * ({@code feel_zeroes=False}), then scipy's {@code spatial.distance.jensenshannon} with base e: the JS
     * distance in nats (see {@link Drift#jsDistance}).
     */
    JENSENSHANNON("jensenshannon"),
    /**
     * {@code hellinger} ({@code hellinger_distance.py}, {@code _hellinger_distance}, numeric branch): edges
     * {@code np.histogram_bin_edges(keys, bins="sturges")} where keys are the <em>distinct</em> values of reference
     * ∪ current (whatever their number), both columns counted into them, H = √(1 − clip(Σ √(dᵣ·d_c)·w, 0, 1)) with
     * densities d = count / (bin width) / n and w the mean bin width. Mathematically the Hellinger distance of the
     * two histograms' shares ({@link Drift#hellingerDistance}), but each term carries the factor w / (bin width),
     * 1 only up to the rounding of the edges (2.8e-10 relative in H for values near 10⁶), and 1 − Σ cancels for a
     * small H: the preset computes Evidently's form to give Evidently's number.
     */
    HELLINGER("hellinger"),
    /**
     * {@code wasserstein} ({@code wasserstein_distance_norm.py}, {@code _wasserstein_distance_norm}): scipy's
     * {@code wasserstein_distance(reference, current)} / max(σ_reference, 0.001), σ with ddof = 0 (see
     * {@link Drift#wassersteinNormed}).
     */
    WASSERSTEIN("wasserstein");

    private final String toolName;

    DriftMethod(String toolName) {
        this.toolName = toolName;
    }

    /**
     * The name the tools give this method ({@code "psi"}, {@code "kl_div"}, {@code "jensenshannon"},
     * {@code "hellinger"}, {@code "wasserstein"}).
     *
     * @return the tool's name of this method
     */
    public String toolName() {
        return toolName;
    }

    /**
     * The method a tool calls {@code name}.
     *
     * @param name psi, kl_div, jensenshannon, hellinger or wasserstein (case-insensitive)
     * @return the method
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static DriftMethod named(String name) {
        java.util.Objects.requireNonNull(name, "name must not be null");
        for (DriftMethod m : values()) {
            if (m.toolName.equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("name = \"" + name
                + "\": not a drift method (psi, kl_div, jensenshannon, hellinger, wasserstein)");
    }

    /**
     * The preset's default threshold for this method: 0.1 for every method of Evidently 0.7
     * ({@code default_threshold=0.1} in each {@code StatTest}).
     *
     * @param preset the preset
     * @return the default threshold
     */
    public double defaultThreshold(DriftPreset preset) {
        java.util.Objects.requireNonNull(preset, "preset must not be null");
        return switch (preset) {
            case EVIDENTLY -> 0.1;
        };
    }
}

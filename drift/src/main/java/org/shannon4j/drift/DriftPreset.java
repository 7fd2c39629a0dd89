package org.shannon4j.drift;

/**
 * A monitoring tool whose rules (binning, empty-bin fill, measure, threshold and comparison) a preset reproduces,
 * so that {@link Drift#numeric(DriftPreset, DriftMethod, double[], double[])} gives that tool's number and decision.
 * Which methods each preset has: {@link DriftMethod#numericIn(DriftPreset)}.
 */
public enum DriftPreset {
    /**
     * Evidently 0.7.x ({@code get_one_column_drift} in {@code evidently/legacy/calculations/data_drift.py} and the
     * stat tests in {@code evidently/legacy/calculations/stattests/}, which the 0.7 {@code ValueDrift} and
     * {@code DataDriftPreset} call). The rules per method are in {@link DriftMethod}; for every method: NaN and
     * ±∞ are dropped from both columns first, an empty column is an error, the default threshold is 0.1 and drift
     * is {@code value >= threshold}.
     */
    EVIDENTLY,
    /**
     * NannyML (its {@code UnivariateDriftCalculator}, {@code nannyml/drift/univariate/methods.py} at commit
     * 4c86ee3 of 2025-07, Apache-2.0), continuous (numeric) methods, the reference being NannyML's reference data
     * and the current one chunk:
     * <ul>
     *   <li>NaN is dropped from both columns ({@code _remove_nans}); ±∞ is <em>not</em> dropped by NannyML. A
     *       reference with ±∞ is an error here (NannyML's {@code histogram_bin_edges} fails on it for the binned
     *       methods); a current ±∞ lies outside the reference's edges and so in the leftover bin (JS, Hellinger),
     *       counts as scipy counts it (KS), and is an error for Wasserstein (NannyML gives ∞ or NaN there). An
     *       empty column after dropping is an error (NannyML returns NaN for an empty chunk).</li>
     *   <li>{@code jensen_shannon}, {@code hellinger}: edges {@code np.histogram_bin_edges(reference, 'doane')},
     *       shares count / n; if the current's shares sum to less than 1 (values outside the edges, or only the
     *       rounding of the sum) the leftover {@code 1 − Σ} becomes one more bin, whose reference share is 0. JS is
     *       scipy's {@code jensenshannon(ref, cur, base=2)}; Hellinger is √(Σ (√r − √c)²) / √2.</li>
     *   <li>{@code kolmogorov_smirnov}: the statistic D of {@code ks_2samp} for fewer than 10,000 reference values;
     *       from 10,000 on NannyML's approximation: cumulative shares of the reference in 10,000 equal bins
     *       {@code linspace(min, max, 10001)}, the current's cumulative shares in the same bins plus its share below
     *       the minimum, D = max |difference|.</li>
     *   <li>{@code wasserstein}: scipy's {@code wasserstein_distance(reference, current)} (not normed) for fewer
     *       than 10,000 reference values; from 10,000 on NannyML's binned approximation ({@code np.histogram(ref,
     *       bins=10000)}, the current's CDF in those bins, and its own ECDF terms below and above the range).</li>
     *   <li>Default threshold (NannyML's {@code StandardDeviationThreshold(std_lower_multiplier=None)} with its
     *       {@code DefaultChunker}): the reference is cut into chunks of ⌊n/10⌋ rows (n counting NaN rows; the
     *       incomplete last chunk kept), the method's value of each chunk against the whole reference is taken,
     *       and the threshold is {@code nanmean + 3·nanstd} (ddof 0) of those values, capped at 1 for KS (its
     *       upper limit). Drift is {@code value > threshold} (strict). It needs at least 10 reference rows. A
     *       given (constant) threshold replaces it, as NannyML's {@code ConstantThreshold(upper=t)} does.</li>
     * </ul>
     */
    NANNYML
}

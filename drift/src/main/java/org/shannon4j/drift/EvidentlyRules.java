package org.shannon4j.drift;

import java.util.Arrays;

/**
 * Evidently 0.7.x's numeric-column drift, one method at a time; see {@link DriftPreset#EVIDENTLY} and
 * {@link DriftMethod} for the rules and the source files they come from.
 */
final class EvidentlyRules {

    /** {@code get_binned_data}: {@code reference_data.nunique() > 20} picks Sturges bins over both columns. */
    static final int MAX_DISTINCT_FOR_VALUE_BINS = 20;

    private EvidentlyRules() {
    }

    static DriftResult numeric(Drift family, DriftMethod method, double[] reference, double[] current,
            double threshold) {
        // get_one_column_drift: column.replace([-np.inf, np.inf], np.nan).dropna(), then an empty column is an error
        double[] ref = finite("reference", reference);
        double[] cur = finite("current", current);
        Drift scipy = family.scipy();
        if (method == DriftMethod.CHI_SQUARE || method == DriftMethod.Z) {
            // Evidently's default for a numeric column with at most 5 values: its values as categories
            return CategoricalRules.evidently(family, method, categories(ref), categories(cur), threshold);
        }
        if (method == DriftMethod.KOLMOGOROV_SMIRNOV) {
            double[] a = ref.clone();
            double[] b = cur.clone();
            Arrays.sort(a);
            Arrays.sort(b);
            double p = KolmogorovSmirnov.pValue(a.length, b.length, NannyMLRules.ksStatistic(a, b));
            return new DriftResult(method, p, threshold, p <= threshold, p); // _ks_stat_test: p_value <= threshold
        }
        double value = switch (method) {
            case PSI -> {
                double[][] s = binnedShares(ref, cur);
                yield scipy.psi(EmptyBins.EVIDENTLY.apply(s[0]), EmptyBins.EVIDENTLY.apply(s[1]));
            }
            case KL_DIV -> {
                double[][] s = binnedShares(ref, cur);
                yield scipy.klDivergence(EmptyBins.EVIDENTLY.apply(s[0]), EmptyBins.EVIDENTLY.apply(s[1]));
            }
            case JENSENSHANNON -> {
                double[][] s = binnedShares(ref, cur);
                yield scipy.jsDistance(s[0], s[1], Math.E);
            }
            case HELLINGER -> hellinger(ref, cur);
            case WASSERSTEIN -> Drift.wassersteinNormed(ref, cur);
            default -> throw new AssertionError(method); // Drift.numeric checked requireIn
        };
        // every Evidently stat test: return value, value >= threshold
        return new DriftResult(method, value, threshold, value >= threshold);
    }

    /**
     * {@code get_binned_data} for a numeric column, without the fill: Sturges edges over reference and current
     * together when the reference has more than 20 distinct values, else one bin per distinct value of both.
     */
    static double[][] binnedShares(double[] ref, double[] cur) {
        return EvidentlyBinning.binnedShares(EvidentlyBinning.column(ref), cur);
    }

    /**
     * {@code _hellinger_distance}, numeric branch, literally: Sturges edges over the distinct values of both
     * columns, densities d = n / (e₍ᵢ₊₁₎ − eᵢ) / N ({@code np.histogram(..., density=True)}), w = (e_last − e₀) /
     * bins, BC = Σ √(d_ref·d_cur)·w added in bin order, H = √(1 − clip(BC, 0, 1)). This is not quite the Hellinger
     * distance of the shares ({@link Drift#hellingerDistance}): each term carries the factor w / (e₍ᵢ₊₁₎ − eᵢ),
     * which differs from 1 by the rounding of the edges (2.8e-10 relative in H for values near 10⁶ with bins 0.5
     * wide), and 1 − BC cancels when H is small. Evidently's number is the goal here, so its form is kept.
     */
    private static double hellinger(double[] ref, double[] cur) {
        return EvidentlyBinning.hellinger(EvidentlyBinning.column(ref), cur);
    }

    /** Each value as a category: equal doubles (−0.0 and 0.0 too) give the same string. */
    private static String[] categories(double[] a) {
        String[] out = new String[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Double.toString(a[i] == 0 ? 0.0 : a[i]);
        }
        return out;
    }

    /** The sorted distinct values of two sorted arrays. */
    static double[] distinctUnion(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            double v = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
            if (n == 0 || v != out[n - 1]) {
                out[n++] = v == 0 ? 0.0 : v; // one zero, whatever its sign
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The finite values; an empty column, or one with no finite value, is an error naming it. */
    static double[] finite(String name, double[] column) {
        java.util.Objects.requireNonNull(column, name + " must not be null");
        if (column.length == 0) {
            throw new IllegalArgumentException(name + " is empty: an empty column has no distribution to compare");
        }
        int kept = 0;
        for (double v : column) {
            if (Double.isFinite(v)) {
                kept++;
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException(name + " has no finite value (" + column.length
                    + " NaN or infinite values, which Evidently drops): an empty column after cleaning");
        }
        if (kept == column.length) {
            return column;
        }
        double[] out = new double[kept];
        int j = 0;
        for (double v : column) {
            if (Double.isFinite(v)) {
                out[j++] = v;
            }
        }
        return out;
    }
}

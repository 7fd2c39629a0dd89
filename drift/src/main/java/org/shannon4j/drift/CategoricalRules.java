package org.shannon4j.drift;

import java.util.Arrays;

/**
 * The presets' categorical-column drift. Evidently 0.7: {@code get_binned_data}'s categorical branch
 * ({@code evidently/legacy/calculations/stattests/utils.py}: one bin per category of reference ∪ current, shares
 * count / n) for PSI, KL and JS, and {@code _hellinger_distance}'s categorical branch. NannyML:
 * {@code CategoricalJensenShannonDistance}, {@code CategoricalHellingerDistance}, {@code LInfinityDistance} and
 * {@code Chi2Statistic} in {@code nannyml/drift/univariate/methods.py}.
 */
final class CategoricalRules {

    /** NannyML's chi2 alert: p &lt; 0.05 (its custom thresholds are ignored for chi2). */
    static final double NANNYML_CHI2_P = 0.05;

    private CategoricalRules() {
    }

    /** Text categories: Python orders str by code points ({@link #evidentlyZ}'s first category). */
    static DriftResult evidently(Drift family, DriftMethod method, String[] reference, String[] current,
            double threshold) {
        return evidently(family, method, reference, current, threshold, null);
    }

    /**
     * @param first the category that Python's {@code sorted} puts first among those of reference ∪ current (for
     *     numbers as categories, the least number's string), or null for text (the least by code points)
     */
    static DriftResult evidently(Drift family, DriftMethod method, String[] reference, String[] current,
            double threshold, String first) {
        method.require(DriftPreset.EVIDENTLY, true);
        CategoryCounts k = nonEmpty(CategoryCounts.of(reference, current));
        if (method == DriftMethod.CHI_SQUARE || method == DriftMethod.Z) {
            double p = method == DriftMethod.Z ? evidentlyZ(k, firstIndex(k.categories(), first))
                    : evidentlyChiSquare(k);
            // a test's drift score is its p-value: drift if p < threshold
            return new DriftResult(method, p, threshold, p < threshold, p);
        }
        double[] r = Drift.shares(k.reference(), k.referenceSize());
        double[] c = Drift.shares(k.current(), k.currentSize());
        Drift scipy = family.scipy();
        double value = switch (method) {
            case PSI -> scipy.psi(EmptyBins.EVIDENTLY.apply(r), EmptyBins.EVIDENTLY.apply(c));
            case KL_DIV -> scipy.klDivergence(EmptyBins.EVIDENTLY.apply(r), EmptyBins.EVIDENTLY.apply(c));
            case JENSENSHANNON -> scipy.jsDistance(r, c, Math.E);
            case HELLINGER -> {
                // Σ sqrt(p1·p2) over the keys in order, clip to [0, 1], sqrt(1 − ·)
                double bc = 0;
                for (int i = 0; i < r.length; i++) {
                    bc += Math.sqrt(r[i] * c[i]);
                }
                yield Math.sqrt(1 - Math.min(1.0, Math.max(0.0, bc)));
            }
            default -> throw new AssertionError(method);
        };
        return new DriftResult(method, value, threshold, value >= threshold);
    }

    /** A NaN threshold stands for NannyML's default (computed from the reference's chunks). */
    static DriftResult nannyml(Drift family, DriftMethod method, String[] reference, String[] current,
            double threshold) {
        method.require(DriftPreset.NANNYML, true);
        String[] ref = withoutMissing("reference", reference);
        String[] cur = withoutMissing("current", current);
        Drift scipy = family.scipy();
        if (method == DriftMethod.CHI_SQUARE) {
            if (Double.isNaN(threshold)) {
                NannyMLRules.requireChunks(reference.length);
            }
            double[] statP = chi2Contingency(CategoryCounts.of(ref, cur));
            double t = Double.isNaN(threshold) ? NANNYML_CHI2_P : threshold;
            return new DriftResult(method, statP[0], t, statP[1] < t, statP[1]);
        }
        Fitted fitted = new Fitted(ref);
        double value = fitted.calculate(scipy, method, cur);
        double t = threshold;
        if (Double.isNaN(t)) {
            t = NannyMLRules.chunkThreshold(reference.length, (from, to) -> {
                String[] chunk = dropMissing(Arrays.copyOfRange(reference, from, to));
                return chunk.length == 0 ? Double.NaN : fitted.calculate(scipy, method, chunk);
            }, false);
        }
        return new DriftResult(method, value, t, value > t);
    }

    static double nannymlDefaultThreshold(Drift family, DriftMethod method, String[] reference) {
        method.require(DriftPreset.NANNYML, true);
        if (method == DriftMethod.CHI_SQUARE) {
            withoutMissing("reference", reference);
            NannyMLRules.requireChunks(reference.length);
            return NANNYML_CHI2_P;
        }
        return nannyml(family, method, reference, withoutMissing("reference", reference), Double.NaN).threshold();
    }

    /** NannyML's reference categories (np.unique: sorted) and their shares. */
    private static final class Fitted {
        private final String[] bins;
        private final double[] shares;

        Fitted(String[] ref) {
            CategoryCounts k = CategoryCounts.of(ref, new String[0]);
            bins = k.categories();
            shares = Drift.shares(k.reference(), ref.length);
        }

        double calculate(Drift scipy, DriftMethod method, String[] cur) {
            CategoryCounts k = CategoryCounts.of(cur, new String[0]);
            if (method == DriftMethod.L_INFINITY) {
                // reference_proba.sub(current_proba, fill_value=0).abs().max() over reference ∪ current
                double[] c = Drift.shares(k.reference(), cur.length);
                double max = 0;
                int i = 0;
                int j = 0;
                while (i < bins.length || j < c.length) {
                    int cmp = i == bins.length ? 1 : j == c.length ? -1 : bins[i].compareTo(k.categories()[j]);
                    double d = cmp < 0 ? shares[i++] : cmp > 0 ? c[j++] : Math.abs(shares[i++] - c[j++]);
                    max = Math.max(max, d);
                }
                return max;
            }
            // current counts on the reference's categories, the unseen ones pooled in the leftover bin
            long[] onBins = new long[bins.length];
            int j = 0;
            for (int i = 0; i < bins.length; i++) {
                while (j < k.categories().length && k.categories()[j].compareTo(bins[i]) < 0) {
                    j++;
                }
                if (j < k.categories().length && k.categories()[j].equals(bins[i])) {
                    onBins[i] = k.reference()[j];
                }
            }
            double[] c = Drift.shares(onBins, cur.length);
            double[] r = shares;
            double leftover = 1 - BinEdges.pairwiseSum(c, 0, c.length);
            if (leftover > 0) {
                c = Arrays.copyOf(c, c.length + 1);
                c[c.length - 1] = leftover;
                r = Arrays.copyOf(r, r.length + 1);
            }
            return method == DriftMethod.JENSENSHANNON ? scipy.jsDistance(r, c, 2) : NannyMLRules.hellinger(r, c);
        }
    }

    /**
     * scipy's {@code chi2_contingency} (correction=True) of the k × 2 table (category × reference, current):
     * expected = row sum · column sum / total, Yates' correction when dof = k − 1 = 1, the Pearson statistic and
     * {@code chi2.sf(statistic, dof)}; dof = 0 (one category) gives (0, 1).
     *
     * @return {statistic, p-value}
     */
    static double[] chi2Contingency(CategoryCounts k) {
        int rows = k.categories().length;
        int dof = rows - 1;
        if (dof == 0) {
            return new double[] {0.0, 1.0};
        }
        double nr = k.referenceSize();
        double nc = k.currentSize();
        double total = nr + nc;
        double[] terms = new double[2 * rows];
        for (int i = 0; i < rows; i++) {
            double row = (double) k.reference()[i] + k.current()[i];
            terms[2 * i] = pearson(k.reference()[i], row * nr / total, dof);
            terms[2 * i + 1] = pearson(k.current()[i], row * nc / total, dof);
        }
        double stat = BinEdges.pairwiseSum(terms, 0, terms.length);
        return new double[] {stat, Chi2.sf(stat, dof)};
    }

    /** Evidently's {@code _chi_stat_test}: scipy's chisquare(current counts, reference counts · n_cur / n_ref). */
    static double evidentlyChiSquare(CategoryCounts k) {
        int dof = k.categories().length - 1;
        if (dof == 0) {
            return 1.0; // scipy: NaN for 0 degrees of freedom; one category is no drift
        }
        double norm = (double) k.currentSize() / k.referenceSize();
        double[] terms = new double[dof + 1];
        for (int i = 0; i <= dof; i++) {
            double e = k.reference()[i] * norm;
            double d = k.current()[i] - e;
            terms[i] = d * d / e; // +inf for a category the reference lacks
        }
        return Chi2.sf(BinEdges.pairwiseSum(terms, 0, terms.length), dof);
    }

    /**
     * Evidently's {@code _z_stat_test}: the two-proportion Z test of "not the first category", two-sided, where
     * the first category is {@code sorted(keys)[0]} in Python: the least number for numeric values, the least
     * string by code points for text (Java's {@code String.compareTo} orders UTF-16 units, which differs for
     * characters beyond U+FFFF against U+E000–U+FFFF; a numeric column's strings would order "10" before "9").
     *
     * @param first the index of that category in {@code k.categories()}
     */
    static double evidentlyZ(CategoryCounts k, int first) {
        String[] c = k.categories();
        if (c.length == 1) {
            return 1.0; // both columns hold one and the same value
        }
        double n1 = k.referenceSize();
        double n2 = k.currentSize();
        double p1 = (n1 - k.reference()[first]) / n1;
        double p2 = (n2 - k.current()[first]) / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return 2 * (1 - Chi2.normalCdf(Math.abs(z)));
    }

    /** The index of {@code first} among the sorted categories, or of the least by code points when null. */
    static int firstIndex(String[] categories, String first) {
        if (first != null) {
            int at = Arrays.binarySearch(categories, first);
            if (at < 0) {
                throw new IllegalStateException("'" + first + "' is not a category"); // a caller's bug
            }
            return at;
        }
        int least = 0;
        for (int i = 1; i < categories.length; i++) {
            if (compareCodePoints(categories[i], categories[least]) < 0) {
                least = i;
            }
        }
        return least;
    }

    /** Python's order of str: code point by code point, a prefix first. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** (o − e)² / e, o first moved up to 0.5 towards e when dof = 1 (Yates). */
    private static double pearson(double observed, double expected, int dof) {
        double o = observed;
        if (dof == 1) {
            double diff = expected - o;
            o += Math.signum(diff) * Math.min(0.5, Math.abs(diff));
        }
        double d = o - expected;
        return d * d / expected;
    }

    private static CategoryCounts nonEmpty(CategoryCounts k) {
        if (k.referenceSize() == 0) {
            throw empty("reference", k.referenceMissing());
        }
        if (k.currentSize() == 0) {
            throw empty("current", k.currentMissing());
        }
        return k;
    }

    private static IllegalArgumentException empty(String name, long missing) {
        return new IllegalArgumentException(missing == 0 ? name + " is empty: an empty column has no distribution"
                + " to compare" : name + " has only missing values (" + missing + " nulls, which the presets drop):"
                        + " an empty column after cleaning");
    }

    private static String[] withoutMissing(String name, String[] column) {
        java.util.Objects.requireNonNull(column, name + " must not be null");
        String[] out = dropMissing(column);
        if (out.length == 0) {
            throw empty(name, column.length);
        }
        return out;
    }

    private static String[] dropMissing(String[] a) {
        return Arrays.stream(a).filter(java.util.Objects::nonNull).toArray(String[]::new);
    }
}

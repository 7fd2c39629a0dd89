package org.shannon4j.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * NannyML's continuous-column drift methods and default threshold ({@code nannyml/drift/univariate/methods.py},
 * {@code nannyml/thresholds.py}, {@code nannyml/chunk.py}); the rules are listed in {@link DriftPreset#NANNYML}.
 * A method is first fitted on the reference ({@link Fitted}), then evaluated on the current column or on the
 * reference's own chunks (for the default threshold), as NannyML's {@code fit} and {@code _calculate} do.
 */
final class NannyMLRules {

    /** {@code calculation_method='auto'}: from this many reference values on, KS and Wasserstein are binned. */
    static final int APPROXIMATION_ROWS = 10_000;
    /** {@code n_bins=10_000} of the binned KS and Wasserstein. */
    static final int APPROXIMATION_BINS = 10_000;
    /** {@code DefaultChunker.DEFAULT_CHUNK_COUNT}. */
    static final int DEFAULT_CHUNKS = 10;
    /** {@code StandardDeviationThreshold(std_upper_multiplier=3)}. */
    static final double STD_MULTIPLIER = 3;

    private NannyMLRules() {
    }

    /** The value and decision; a NaN threshold stands for NannyML's default (computed from the reference). */
    static DriftResult numeric(Drift family, DriftMethod method, double[] reference, double[] current,
            double threshold) {
        method.requireIn(DriftPreset.NANNYML);
        Fitted fitted = new Fitted(family.scipy(), method, withoutNaN("reference", reference, true));
        double value = fitted.calculate(withoutNaN("current", current, method == DriftMethod.WASSERSTEIN));
        double t = Double.isNaN(threshold) ? fitted.defaultThreshold(reference) : threshold;
        // Method.alert: value > upper threshold (the lower one is None by default)
        return new DriftResult(method, value, t, value > t);
    }

    static double defaultThreshold(Drift family, DriftMethod method, double[] reference) {
        method.requireIn(DriftPreset.NANNYML);
        return new Fitted(family.scipy(), method, withoutNaN("reference", reference, true))
                .defaultThreshold(reference);
    }

    /** One method fitted on the reference (NaN dropped), as NannyML's {@code _fit} keeps it. */
    static final class Fitted {
        private final Drift scipy;
        private final DriftMethod method;
        private final int n;
        private final boolean approximate;
        /** Doane edges (JS, Hellinger), the 10,000 equal bins (approximate KS and Wasserstein). */
        private double[] edges;
        /** Reference shares (JS, Hellinger) or cumulative shares (approximate KS and Wasserstein). */
        private double[] ref;
        /** The sorted reference (exact KS and Wasserstein). */
        private double[] sorted;

        Fitted(Drift scipy, DriftMethod method, double[] reference) {
            this.scipy = scipy;
            this.method = method;
            this.n = reference.length;
            this.approximate = n >= APPROXIMATION_ROWS
                    && (method == DriftMethod.KOLMOGOROV_SMIRNOV || method == DriftMethod.WASSERSTEIN);
            switch (method) {
                case JENSENSHANNON, HELLINGER -> {
                    edges = BinEdges.ofNumpy(reference, BinRule.DOANE);
                    ref = Drift.shares(Histogram.countNumpy(reference, edges, NonFinite.REJECT), n);
                }
                case KOLMOGOROV_SMIRNOV, WASSERSTEIN -> {
                    if (approximate) {
                        double min = reference[0];
                        double max = reference[0];
                        for (double v : reference) {
                            min = Math.min(min, v);
                            max = Math.max(max, v);
                        }
                        if (method == DriftMethod.KOLMOGOROV_SMIRNOV) {
                            if (min == max) {
                                throw new IllegalArgumentException("reference is constant (" + min + ", " + n
                                        + " values): NannyML's binned KS (from " + APPROXIMATION_ROWS
                                        + " reference values on) needs a range, its np.histogram fails on it");
                            }
                            // np.histogram(reference, np.linspace(min, max, n_bins + 1))
                            edges = BinEdges.linspace(min, max, APPROXIMATION_BINS + 1);
                        } else {
                            // np.histogram(reference, bins=n_bins)
                            edges = BinEdges.ofNumpy(reference, BinRule.count(APPROXIMATION_BINS));
                        }
                        ref = cumulative(Drift.shares(
                                Histogram.countNumpy(reference, edges, NonFinite.REJECT), n));
                    } else {
                        sorted = reference.clone();
                        Arrays.sort(sorted);
                    }
                }
                default -> throw new AssertionError(method);
            }
        }

        double calculate(double[] cur) {
            return switch (method) {
                case JENSENSHANNON, HELLINGER -> binned(cur);
                case KOLMOGOROV_SMIRNOV -> approximate ? ksBinned(cur) : ksStatistic(sorted, sortedCopy(cur));
                case WASSERSTEIN -> approximate ? wassersteinBinned(cur) : Drift.wassersteinSorted(sorted,
                        sortedCopy(cur));
                default -> throw new AssertionError(method);
            };
        }

        /** Continuous JS and Hellinger: the reference's Doane bins plus NannyML's leftover bin. */
        private double binned(double[] cur) {
            double[] c = Drift.shares(Histogram.countNumpy(cur, edges, NonFinite.DROP), cur.length);
            double[] r = ref;
            double leftover = 1 - BinEdges.pairwiseSum(c, 0, c.length);
            if (leftover > 0) {
                c = Arrays.copyOf(c, c.length + 1);
                c[c.length - 1] = leftover;
                r = Arrays.copyOf(r, r.length + 1); // reference share 0
            }
            return method == DriftMethod.JENSENSHANNON ? scipy.jsDistance(r, c, 2) : hellinger(r, c);
        }

        /** NannyML's approximate KS: the cumulative shares in the reference's 10,000 equal bins. */
        private double ksBinned(double[] cur) {
            int len = cur.length;
            long below = 0;
            for (double v : cur) {
                if (v < edges[0]) {
                    below++;
                }
            }
            double lower = (double) below / len;
            double[] c = cumulative(Drift.shares(Histogram.countNumpy(cur, edges, NonFinite.DROP), len));
            double d = 0;
            for (int k = 0; k < c.length; k++) {
                d = Math.max(d, Math.abs(ref[k] - (lower + c[k])));
            }
            return d;
        }

        /** NannyML's approximate Wasserstein: binned CDFs within the reference's range, ECDF terms outside it. */
        private double wassersteinBinned(double[] cur) {
            int len = cur.length;
            double min = edges[0];
            double max = edges[edges.length - 1];
            int nSmaller = 0;
            int nBigger = 0;
            for (double v : cur) {
                if (v < min) {
                    nSmaller++;
                } else if (v > max) {
                    nBigger++;
                }
            }
            double termSmaller = 0;
            double amountSmaller = 0;
            if (nSmaller > 0) {
                // (n_smaller + 1) / len(data): NannyML counts the reference minimum it appends as current mass
                amountSmaller = (double) (nSmaller + 1) / len;
                double[] vec = outside(cur, nSmaller, min, true);
                termSmaller = ecdfTerm(vec, false) * amountSmaller;
            }
            double termBigger = 0;
            if (nBigger > 0) {
                double amountBigger = (double) (nBigger + 1) / len;
                double[] vec = outside(cur, nBigger, max, false);
                termBigger = ecdfTerm(vec, true) * amountBigger;
            }
            double[] c = cumulative(Drift.shares(Histogram.countNumpy(cur, edges, NonFinite.DROP), len));
            double width = edges[1] - edges[0];
            double[] terms = new double[c.length];
            for (int k = 0; k < c.length; k++) {
                terms[k] = Math.abs(ref[k] - (c[k] + amountSmaller)) * width;
            }
            double within = BinEdges.pairwiseSum(terms, 0, terms.length);
            return within + termSmaller + termBigger;
        }

        /**
         * NannyML's default threshold: this method's value on each chunk of the raw reference (DefaultChunker),
         * then nanmean + 3·nanstd, capped at the method's upper limit (1 for KS).
         */
        double defaultThreshold(double[] rawReference) {
            return chunkThreshold(rawReference.length, (from, to) -> {
                double[] chunk = dropNaN(Arrays.copyOfRange(rawReference, from, to));
                return chunk.length == 0 ? Double.NaN : calculate(chunk); // an empty chunk: NaN, skipped
            }, method == DriftMethod.KOLMOGOROV_SMIRNOV);
        }
    }

    /** A method's value on the reference rows [from, to) against the whole reference, NaN if they are all missing. */
    interface ChunkValue {
        double of(int from, int to);
    }

    /**
     * NannyML's fit cuts the reference into chunks of rows / 10 for every method (chi2 too, which then ignores
     * them), and fails below 10 rows: so do its defaults here. With a threshold given, no chunk is needed.
     */
    static void requireChunks(int rows) {
        if (rows / DEFAULT_CHUNKS == 0) {
            throw new IllegalArgumentException("reference has " + rows + " rows: NannyML's default threshold"
                    + " cuts it into chunks of rows / " + DEFAULT_CHUNKS + " (its DefaultChunker fails on"
                    + " fewer than " + DEFAULT_CHUNKS + "); pass a threshold");
        }
    }

    /**
     * NannyML's default threshold over {@code rows} reference rows: DefaultChunker's chunks of rows / 10 rows (the
     * incomplete last one kept), nanmean + 3·nanstd of the chunks' values, capped at 1 where the method's upper
     * limit is 1 (KS).
     */
    static double chunkThreshold(int rows, ChunkValue value, boolean capAtOne) {
        requireChunks(rows);
        int size = rows / DEFAULT_CHUNKS;
        int chunks = (rows + size - 1) / size; // full chunks, and the incomplete one kept
        double[] values = new double[chunks];
        for (int k = 0; k < chunks; k++) {
            values[k] = value.of(k * size, Math.min(rows, (k + 1) * size));
        }
        double upper = nanMean(values) + nanStd(values) * STD_MULTIPLIER;
        if (capAtOne && upper >= 1) {
            upper = 1; // upper_threshold_limit=1
        }
        return upper;
    }

    /** √(Σ (√r − √c)²) / √2, NannyML's Hellinger, term by term in numpy's order. */
    static double hellinger(double[] r, double[] c) {
        double[] sq = new double[r.length];
        for (int k = 0; k < r.length; k++) {
            double d = Math.sqrt(r[k]) - Math.sqrt(c[k]);
            sq[k] = d * d;
        }
        return Math.sqrt(BinEdges.pairwiseSum(sq, 0, sq.length)) / Math.sqrt(2);
    }

    /**
     * scipy's {@code ks_2samp} statistic of two sorted samples: the largest |F₁ − F₂| over the values of both,
     * each CDF as (number of values ≤ z) / size.
     */
    static double ksStatistic(double[] a, double[] b) {
        int na = a.length;
        int nb = b.length;
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < na || j < nb) {
            double z = j == nb ? a[i] : i == na ? b[j] : Math.min(a[i], b[j]);
            while (i < na && a[i] <= z) {
                i++;
            }
            while (j < nb && b[j] <= z) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / na - (double) j / nb));
        }
        return d;
    }

    /** The sorted values of data below {@code bound} plus bound itself (or above it, bound first). */
    private static double[] outside(double[] data, int count, double bound, boolean below) {
        double[] vec = new double[count + 1];
        int k = 0;
        vec[k++] = bound;
        for (double v : data) {
            if (below ? v < bound : v > bound) {
                vec[k++] = v;
            }
        }
        Arrays.sort(vec);
        return vec;
    }

    /**
     * NannyML's {@code _ecdf} term: x the distinct values of vec, y = cumsum(counts) / len(vec), then
     * Σ y[k]·(x[k+1] − x[k]) (or Σ (1 − y[k])·(x[k+1] − x[k]) for the upper tail) over k &lt; len(x) − 1.
     */
    private static double ecdfTerm(double[] sortedVec, boolean upper) {
        int len = sortedVec.length;
        double[] terms = new double[len];
        int m = 0;
        long cum = 0;
        for (int k = 0; k < len; k++) {
            cum++;
            if (k + 1 < len && sortedVec[k + 1] == sortedVec[k]) {
                continue;
            }
            if (k + 1 < len) {
                double y = (double) cum / len;
                terms[m++] = (upper ? 1 - y : y) * (sortedVec[k + 1] - sortedVec[k]);
            }
        }
        return BinEdges.pairwiseSum(terms, 0, m);
    }

    /** np.cumsum: sequential. */
    private static double[] cumulative(double[] a) {
        double[] out = new double[a.length];
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k];
            out[k] = s;
        }
        return out;
    }

    private static double[] sortedCopy(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s;
    }

    /** np.nanmean: NaN as 0 in numpy's pairwise sum, over the count of the others. */
    static double nanMean(double[] v) {
        double[] z = new double[v.length];
        int cnt = 0;
        for (int k = 0; k < v.length; k++) {
            if (!Double.isNaN(v[k])) {
                z[k] = v[k];
                cnt++;
            }
        }
        return BinEdges.pairwiseSum(z, 0, z.length) / cnt;
    }

    /** np.nanstd, ddof 0: deviations from nanmean, 0 at NaN, squared, numpy's pairwise sum, over the count. */
    static double nanStd(double[] v) {
        double avg = nanMean(v);
        double[] sq = new double[v.length];
        int cnt = 0;
        for (int k = 0; k < v.length; k++) {
            if (!Double.isNaN(v[k])) {
                double d = v[k] - avg;
                sq[k] = d * d;
                cnt++;
            }
        }
        return Math.sqrt(BinEdges.pairwiseSum(sq, 0, sq.length) / cnt);
    }

    private static double[] dropNaN(double[] a) {
        int kept = 0;
        for (double v : a) {
            if (!Double.isNaN(v)) {
                kept++;
            }
        }
        if (kept == a.length) {
            return a;
        }
        double[] out = new double[kept];
        int j = 0;
        for (double v : a) {
            if (!Double.isNaN(v)) {
                out[j++] = v;
            }
        }
        return out;
    }

    /**
     * The column without NaN ({@code _remove_nans}); empty before or after is an error, and so is ±∞ where
     * {@code rejectInfinite} (naming the index and value).
     */
    static double[] withoutNaN(String name, double[] column, boolean rejectInfinite) {
        Objects.requireNonNull(column, name + " must not be null");
        if (column.length == 0) {
            throw new IllegalArgumentException(name + " is empty: an empty column has no distribution to compare");
        }
        if (rejectInfinite) {
            for (int k = 0; k < column.length; k++) {
                if (Double.isInfinite(column[k])) {
                    throw new IllegalArgumentException(name + "[" + k + "] = " + column[k] + ": NannyML drops only"
                            + " NaN, and " + (name.equals("reference") ? "its binning of the reference"
                                    : "its Wasserstein distance") + " has no finite result with an infinite value");
                }
            }
        }
        double[] out = dropNaN(column);
        if (out.length == 0) {
            throw new IllegalArgumentException(name + " has only NaN (" + column.length
                    + " values, which NannyML drops): an empty column after cleaning");
        }
        return out;
    }
}

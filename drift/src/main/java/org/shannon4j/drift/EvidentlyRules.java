package org.shannon4j.drift;

import java.util.Arrays;

import org.shannon4j.spi.CountingKernels;
import org.shannon4j.spi.Parallelism;

/**
 * Evidently 0.7.x's numeric-column drift, one method at a time; see {@link DriftPreset#EVIDENTLY} and
 * {@link DriftMethod} for the rules and the source files they come from.
 */
final class EvidentlyRules {

    /** {@code get_binned_data}: {@code reference_data.nunique() > 20} picks Sturges bins over both columns. */
    static final int MAX_DISTINCT_FOR_VALUE_BINS = 20;

    private EvidentlyRules() {
    }

    /**
     * What every method needs of the reference beyond the binning's pieces: the sorted finite values and the
     * population standard deviation of the column in its original order. A column scanned now and a stored
     * {@link ExactProfile} both supply them, so that one method switch ({@link #numeric(Drift, DriftMethod,
     * Reference, double[], double)}) serves both and a new method cannot give the two different numbers.
     */
    interface Reference extends EvidentlyBinning.Reference {
        /** The finite values sorted, followed by a +∞ sentinel at index {@link #size()}. */
        double[] sortedWithSentinel();

        /** The number of finite values. */
        int size();

        /** numpy's population standard deviation (ddof 0) of the finite values in the column's order. */
        double std();
    }

    static DriftResult numeric(Drift family, DriftMethod method, double[] reference, double[] current,
            double threshold) {
        // get_one_column_drift: column.replace([-np.inf, np.inf], np.nan).dropna(), then an empty column is an error
        CountingKernels kernels = family.context().kernels();
        Parallelism par = family.context().parallelism();
        ColumnScan rs = null;
        ColumnScan cs = null;
        // (a null column is left to finiteScanned, which checks the reference first, as on one thread)
        if (par.threads() > 1 && reference != null && current != null
                && (long) reference.length + current.length >= Parallelism.MIN_SPLIT) {
            // the two scans on two threads; the columns are then checked in order, so errors name the same side
            ColumnScan[] scans = new ColumnScan[2];
            par.forEachPart(2, 1, () -> scans, (sc, i) -> sc[i] = ColumnScan.of(i == 0 ? reference : current,
                    kernels));
            rs = scans[0];
            cs = scans[1];
        }
        Finite ref = finiteScanned("reference", reference, kernels, rs);
        return numeric(family, method, column(ref, kernels), finiteScanned("current", current, kernels, cs),
                threshold);
    }

    /**
     * The one method switch of the Evidently preset, for a reference column or profile.
     *
     * @param current the current window's finite values and their scan
     */
    static DriftResult numeric(Drift family, DriftMethod method, Reference ref, Finite current, double threshold) {
        Drift scipy = family.scipy();
        double[] cur = current.values();
        ColumnScan cs = current.scan();
        CountingKernels kernels = family.context().kernels();
        Parallelism par = family.context().parallelism();
        if (method == DriftMethod.CHI_SQUARE || method == DriftMethod.Z) {
            // Evidently's default for a numeric column with at most 5 values: its values as categories (their
            // counts do not depend on the order, so the sorted values serve)
            double least = Math.min(ref.sortedWithSentinel()[0], cs.min()); // Python sorts numbers as numbers
            return CategoricalRules.evidently(family, method,
                    categories(Arrays.copyOf(ref.sortedWithSentinel(), ref.size())), categories(cur), threshold,
                    category(least));
        }
        if (method == DriftMethod.KOLMOGOROV_SMIRNOV) {
            double[] a = Arrays.copyOf(ref.sortedWithSentinel(), ref.size());
            double[] b = cur.clone();
            kernels.sort(b, 0, b.length);
            double p = KolmogorovSmirnov.pValue(a.length, b.length, NannyMLRules.ksStatistic(a, b));
            return new DriftResult(method, p, threshold, p <= threshold, p); // _ks_stat_test: p_value <= threshold
        }
        double value = switch (method) {
            case PSI -> {
                double[][] s = EvidentlyBinning.binnedShares(ref, cur, cs, kernels, par);
                yield scipy.psi(EmptyBins.EVIDENTLY.apply(s[0]), EmptyBins.EVIDENTLY.apply(s[1]));
            }
            case KL_DIV -> {
                double[][] s = EvidentlyBinning.binnedShares(ref, cur, cs, kernels, par);
                yield scipy.klDivergence(EmptyBins.EVIDENTLY.apply(s[0]), EmptyBins.EVIDENTLY.apply(s[1]));
            }
            case JENSENSHANNON -> {
                double[][] s = EvidentlyBinning.binnedShares(ref, cur, cs, kernels, par);
                yield scipy.jsDistance(s[0], s[1], Math.E);
            }
            case HELLINGER -> EvidentlyBinning.hellinger(ref, cur, cs, kernels, par);
            case WASSERSTEIN -> {
                double[] c = Arrays.copyOf(cur, cur.length + 1);
                sortBoth(par, kernels, ref, c, cur.length);
                c[cur.length] = Double.POSITIVE_INFINITY;
                yield Drift.wassersteinMerge(ref.sortedWithSentinel(), ref.size(), c, cur.length)
                        / Math.max(ref.std(), 0.001);
            }
            default -> throw new IllegalArgumentException("method = " + method + ": not a numeric method of the"
                    + " EVIDENTLY preset");
        };
        // every Evidently stat test: return value, value >= threshold
        return new DriftResult(method, value, threshold, value >= threshold);
    }

    /**
     * Sorts c[0, n) and has the reference sorted (a column's sorted copy is made on demand; a profile's is stored):
     * the two sorts, most of a Wasserstein call, on two threads when the context has them and the columns are long.
     * The same sorted arrays either way, so the same bits.
     */
    private static void sortBoth(Parallelism par, CountingKernels kernels, Reference ref, double[] c, int n) {
        if (par.threads() > 1 && (long) n + ref.size() >= Parallelism.MIN_SPLIT) {
            par.forEachPart(2, 1, () -> c, (cur, part) -> {
                if (part == 0) {
                    ref.sortedWithSentinel();
                } else {
                    kernels.sort(cur, 0, n);
                }
            });
        } else {
            kernels.sort(c, 0, n);
        }
    }

    /** A finite reference column as a {@link Reference}: the binning's pieces, sorted copy and σ made on demand. */
    private static Reference column(Finite column, CountingKernels kernels) {
        double[] ref = column.values();
        EvidentlyBinning.Reference binning = EvidentlyBinning.column(ref, column.scan());
        return new Reference() {
            private double[] sorted;

            @Override
            public double[] sortedWithSentinel() {
                if (sorted == null) {
                    sorted = Arrays.copyOf(ref, ref.length + 1);
                    kernels.sort(sorted, 0, ref.length);
                    sorted[ref.length] = Double.POSITIVE_INFINITY;
                }
                return sorted;
            }

            @Override
            public int size() {
                return ref.length;
            }

            @Override
            public double std() {
                return Drift.populationStd(ref);
            }

            @Override
            public ColumnScan scan() {
                return binning.scan();
            }

            @Override
            public SmallValueSet values() {
                return binning.values();
            }

            @Override
            public long[] counts(BinLocator bins) {
                return binning.counts(bins);
            }

            @Override
            public long[] countsNumpy(double[] edges) {
                return binning.countsNumpy(edges);
            }

            @Override
            public DistinctLowerBound sketch(int logBits, long enough) {
                return binning.sketch(logBits, enough);
            }

            @Override
            public boolean sketchHashes() {
                return binning.sketchHashes();
            }

            @Override
            public long distinctUpperBound() {
                return binning.distinctUpperBound();
            }

            @Override
            public long distinctUnion(double[] sortedCurrent) {
                return binning.distinctUnion(sortedCurrent);
            }
        };
    }

    /**
     * {@code get_binned_data} for a numeric column, without the fill: Sturges edges over reference and current
     * together when the reference has more than 20 distinct values, else one bin per distinct value of both.
     */
    static double[][] binnedShares(double[] ref, double[] cur) {
        EvidentlyBinning.Reference side = EvidentlyBinning.column(ref, ColumnScan.of(ref));
        return EvidentlyBinning.binnedShares(side, cur, ColumnScan.of(cur), null, Parallelism.SEQUENTIAL);
    }

    /** Each value as a category: equal doubles (−0.0 and 0.0 too) give the same string; NaN is missing. */
    static String[] categories(double[] a) {
        String[] out = new String[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = category(a[i]);
        }
        return out;
    }

    /** A value's category string (see {@link #categories}), null for NaN. */
    static String category(double v) {
        return v != v ? null : Double.toString(v == 0 ? 0.0 : v);
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

    /**
     * A column's finite values and their scan.
     *
     * @param values the finite values (the column itself when it has no NaN or ±∞)
     * @param scan their count, min and max
     */
    record Finite(double[] values, ColumnScan scan) {
    }

    /** The finite values; an empty column, or one with no finite value, is an error naming it. */
    static double[] finite(String name, double[] column) {
        return finiteScanned(name, column).values();
    }

    /**
     * The finite values with their scan. The scan's min/max pass proves a column free of NaN and ±∞, so such a
     * column (the usual one) costs that one pass and no copy.
     */
    static Finite finiteScanned(String name, double[] column) {
        return finiteScanned(name, column, null);
    }

    /** As {@link #finiteScanned(String, double[])}, the scan by the backend's kernels (null: plain Java). */
    static Finite finiteScanned(String name, double[] column, CountingKernels kernels) {
        return finiteScanned(name, column, kernels, null);
    }

    /** As {@link #finiteScanned(String, double[], CountingKernels)} with the column's scan if made already. */
    private static Finite finiteScanned(String name, double[] column, CountingKernels kernels, ColumnScan made) {
        java.util.Objects.requireNonNull(column, name + " must not be null");
        if (column.length == 0) {
            throw new IllegalArgumentException(name + " is empty: an empty column has no distribution to compare");
        }
        ColumnScan scan = made != null ? made : ColumnScan.of(column, kernels);
        long kept = scan.finite();
        if (kept == 0) {
            throw new IllegalArgumentException(name + " has no finite value (" + column.length
                    + " NaN or infinite values, which Evidently drops): an empty column after cleaning");
        }
        if (kept == column.length) {
            return new Finite(column, scan);
        }
        double[] out = new double[(int) kept];
        int j = 0;
        for (double v : column) {
            if (Double.isFinite(v)) {
                out[j++] = v;
            }
        }
        return new Finite(out, scan);
    }
}

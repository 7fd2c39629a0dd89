package org.shannon4j.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * A reference column summarised once for the {@link DriftPreset#EVIDENTLY} rules, so that every current window is
 * compared with it without touching the reference again, with exactly the numbers of
 * {@link Drift#numeric(DriftPreset, DriftMethod, double[], double[], double)} on the reference column itself (bit
 * for bit). Evidently's edges come from reference ∪ current, so no fixed histogram can serve every window; the
 * profile keeps what any edges need: the sorted finite values (a reference count in any bins is then two binary
 * searches per edge), their number, min and max, the distinct values with counts when there are at most 20 (one
 * bin per value), the number of distinct values and a bitmap of them (Hellinger's distinct count), and the
 * population standard deviation of the column in its original order (numpy's pairwise sum depends on the order).
 * 8 bytes per reference value plus up to 2 MiB for the bitmap. For a fixed-size summary with fixed edges, which
 * Evidently's rules cannot use, see {@link BinnedProfile}. Immutable and thread-safe.
 */
public final class ExactProfile {

    /** Finite values sorted, a +∞ sentinel at [n] (for the Wasserstein merge). */
    private final double[] sorted;
    private final int n;
    private final ColumnScan scan;
    private final SmallValueSet values;
    private final long distinct;
    private final double std;
    /** Bitmaps by size, made on first use (Hellinger only). */
    private final DistinctLowerBound[] sketches = new DistinctLowerBound[DistinctLowerBound.MAX_LOG_BITS + 1];
    private final EvidentlyRules.Reference side = new Side();

    private ExactProfile(double[] finite) {
        this.n = finite.length;
        this.std = Drift.populationStd(finite);
        this.sorted = Arrays.copyOf(finite, n + 1);
        Arrays.sort(sorted, 0, n);
        sorted[n] = Double.POSITIVE_INFINITY;
        this.scan = new ColumnScan(n, sorted[0], sorted[n - 1]);
        this.values = SmallValueSet.of(finite, EvidentlyRules.MAX_DISTINCT_FOR_VALUE_BINS);
        long d = 1;
        for (int i = 1; i < n; i++) {
            d += sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        this.distinct = d;
    }

    /**
     * The profile of a reference column; NaN and ±∞ are dropped, as Evidently drops them.
     *
     * @param reference the reference column
     * @return its profile
     * @throws IllegalArgumentException if the column is empty or has no finite value
     */
    public static ExactProfile of(double[] reference) {
        return new ExactProfile(EvidentlyRules.finite("reference", reference));
    }

    /**
     * The profile of a float reference column (each value widened to double).
     *
     * @param reference the reference column
     * @return its profile
     * @throws IllegalArgumentException if the column is empty or has no finite value
     */
    public static ExactProfile of(float[] reference) {
        Objects.requireNonNull(reference, "reference must not be null");
        return of(widen(reference, new double[reference.length]));
    }

    /**
     * The number of finite reference values.
     *
     * @return the reference's size after dropping NaN and ±∞
     */
    public long size() {
        return n;
    }

    /**
     * The reference's population standard deviation (ddof 0), the divisor of the normed Wasserstein distance.
     *
     * @return σ of the finite reference values
     */
    public double standardDeviation() {
        return std;
    }

    /**
     * The Evidently preset's value and decision for a current window against this reference: the same as
     * {@link Drift#numeric(DriftPreset, DriftMethod, double[], double[], double)} with the reference column.
     *
     * @param family the drift family (its backend computes KL and JS)
     * @param method the drift method
     * @param current the current window (NaN and ±∞ dropped)
     * @param threshold the drift threshold
     * @return the value, the threshold and the decision
     * @throws IllegalArgumentException if the current window is empty or has no finite value, or the threshold
     *     is NaN
     */
    public DriftResult evidently(Drift family, DriftMethod method, double[] current, double threshold) {
        Objects.requireNonNull(family, "family must not be null");
        Objects.requireNonNull(method, "method must not be null");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold = NaN: a drift threshold must be a number");
        }
        method.requireIn(DriftPreset.EVIDENTLY);
        return EvidentlyRules.numeric(family, method, side, EvidentlyRules.finiteScanned("current", current), threshold);
    }

    /** The reference side of {@link EvidentlyRules}, from the stored summary. */
    private final class Side implements EvidentlyRules.Reference {
        @Override
        public double[] sortedWithSentinel() {
            return sorted;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public double std() {
            return std;
        }

        @Override
        public ColumnScan scan() {
            return scan;
        }

        @Override
        public SmallValueSet values() {
            return values;
        }

        @Override
        public long[] counts(BinLocator bins) {
            return bins.countSorted(sorted, n);
        }

        @Override
        public DistinctLowerBound sketch(int logBits, long enough) {
            DistinctLowerBound s;
            synchronized (sketches) {
                s = sketches[logBits];
                if (s == null) {
                    s = new DistinctLowerBound(logBits);
                    s.add(sorted); // the +∞ sentinel is skipped as non-finite
                    sketches[logBits] = s;
                }
            }
            return s.copy();
        }

        @Override
        public long distinctUpperBound() {
            return distinct;
        }

        @Override
        public long distinctUnion(double[] sortedCurrent) {
            return EvidentlyRules.distinctUnion(Arrays.copyOf(sorted, n), sortedCurrent).length;
        }
    }

    static double[] widen(float[] a, double[] into) {
        for (int i = 0; i < a.length; i++) {
            into[i] = a[i];
        }
        return into;
    }
}

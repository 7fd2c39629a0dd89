package org.shannon4j.drift;

import java.util.Arrays;

import org.shannon4j.spi.CountingKernels;
import org.shannon4j.spi.Parallelism;

/**
 * Evidently's binning ({@code get_binned_data}) and its Hellinger's, computed from one scan of each column and
 * one counting pass, never concatenating, sorting or copying the columns: the Sturges edges of reference ∪ current
 * need only the union's size, min and max ({@link BinEdges#sturges}); the "more than 20 distinct reference values"
 * test stops at the 21st value ({@link SmallValueSet}); the distinct count of Hellinger's keys is needed only
 * through Sturges' bin count, which a lower bound ({@link DistinctLowerBound}) and the number of values settle
 * unless they straddle a power of two (then the columns are sorted, as before). The reference side is either a
 * column ({@link #column}) or a stored {@link ExactProfile}; both give the same numbers, bit for bit.
 */
final class EvidentlyBinning {

    /** What the rules need of the reference: a column scanned now, or a stored profile. */
    interface Reference {
        /** Finite count, min, max. */
        ColumnScan scan();

        /** The distinct finite values with counts, or null if there are more than 20. */
        SmallValueSet values();

        /** The reference's counts in the locator's bins (every finite value lies within them). */
        long[] counts(BinLocator bins);

        /** The reference's counts between edges that repeat ({@link Histogram#countNumpy}). */
        long[] countsNumpy(double[] edges);

        /**
         * A bitmap of 2^logBits bits with the reference's values set: all of them, or (a column) as many as it
         * takes to set {@code enough} bits.
         */
        DistinctLowerBound sketch(int logBits, long enough);

        /** Whether {@link #sketch} hashes the values (a column) rather than copying a stored bitmap. */
        boolean sketchHashes();

        /** An upper bound on the reference's distinct finite values. */
        long distinctUpperBound();

        /** The number of distinct finite values of reference ∪ the sorted finite current. */
        long distinctUnion(double[] sortedCurrent);
    }

    private EvidentlyBinning() {
    }

    /**
     * The reference side of a column (its finite values are used; NaN and ±∞ are skipped).
     *
     * @param scan the column's {@link ColumnScan}
     */
    static Reference column(double[] ref, ColumnScan scan) {
        return new Reference() {
            @Override
            public ColumnScan scan() {
                return scan;
            }

            @Override
            public SmallValueSet values() {
                return SmallValueSet.of(ref, EvidentlyRules.MAX_DISTINCT_FOR_VALUE_BINS);
            }

            @Override
            public long[] counts(BinLocator bins) {
                long[] c = new long[bins.bins()];
                bins.countInto(ref, 0, ref.length, c, false);
                return c;
            }

            @Override
            public long[] countsNumpy(double[] edges) {
                return Histogram.countNumpy(ref, edges, NonFinite.DROP);
            }

            @Override
            public DistinctLowerBound sketch(int logBits, long enough) {
                DistinctLowerBound b = new DistinctLowerBound(logBits);
                b.addUntil(ref, 0, enough);
                return b;
            }

            @Override
            public boolean sketchHashes() {
                return true;
            }

            @Override
            public long distinctUpperBound() {
                return scan.finite();
            }

            @Override
            public long distinctUnion(double[] sortedCurrent) {
                return EvidentlyRules.distinctUnion(sortedFinite(ref), sortedCurrent).length;
            }
        };
    }

    /**
     * {@code get_binned_data} without the fill: the reference's and the current's shares (count / finite count).
     *
     * @param ref the reference side
     * @param cur the current column (NaN and ±∞ skipped)
     * @param cs its {@link ColumnScan}
     * @param kernels the backend's kernels that bin the values
     * @return {reference shares, current shares}
     */
    static double[][] binnedShares(Reference ref, double[] cur, ColumnScan cs, CountingKernels kernels,
                                   Parallelism par) {
        ColumnScan rs = ref.scan();
        SmallValueSet rv = ref.values();
        long[] rc;
        long[] cc;
        if (rv == null) {
            ColumnScan both = rs.with(cs);
            long[][] counts = counts(par, ref, BinEdges.sturgesNumpy(both.min(), both.max(), both.finite()),
                    kernels, cur);
            rc = counts[0];
            cc = counts[1];
        } else {
            // one bin per distinct value of both: the current's values are counted against the reference's few
            // (a current with many other values is sorted, as Evidently's np.unique does)
            SmallValueSet cv = SmallValueSet.of(cur, 4 * EvidentlyRules.MAX_DISTINCT_FOR_VALUE_BINS);
            double[] keys;
            if (cv != null) {
                keys = rv.union(cv);
                cc = cv.countsOver(keys);
            } else {
                double[] sortedCur = sortedFinite(cur);
                keys = EvidentlyRules.distinctUnion(rv.keys(), sortedCur);
                cc = countPerValue(sortedCur, keys);
            }
            rc = rv.countsOver(keys);
        }
        // np.histogram(data, bins)[0] / len(data): every value lies within edges over both columns
        return new double[][] {Drift.shares(rc, rs.finite()), Drift.shares(cc, cs.finite())};
    }

    /**
     * Evidently's {@code _hellinger_distance}, numeric branch (see {@link DriftMethod#HELLINGER}): Sturges edges
     * over the distinct values of both columns, densities d = n / (e₍ᵢ₊₁₎ − eᵢ) / N, w = (e_last − e₀) / bins,
     * BC = Σ √(d_ref·d_cur)·w added in bin order, H = √(1 − clip(BC, 0, 1)).
     */
    static double hellinger(Reference ref, double[] cur, ColumnScan cs, CountingKernels kernels, Parallelism par) {
        ColumnScan rs = ref.scan();
        ColumnScan both = rs.with(cs);
        double min = both.min();
        double max = both.max();
        int bins = hellingerBins(ref, cur, min, max, ref.distinctUpperBound() + cs.finite(), par);
        // over a range of a few ulps the edges repeat: a bin between equal edges has width 0, so its density is
        // 0/0 or n/0, as in Evidently
        double[] edges = BinEdges.spacedOverNumpy(min, max, bins);
        long[][] counts = counts(par, ref, edges, kernels, cur);
        long[] rc = counts[0];
        long[] cc = counts[1];
        double width = (edges[bins] - edges[0]) / bins;
        double bc = 0.0;
        for (int i = 0; i < bins; i++) {
            double db = edges[i + 1] - edges[i];
            double d1 = rc[i] / db / rs.finite(); // every value lies within the edges: n.sum() = N
            double d2 = cc[i] / db / cs.finite();
            bc += Math.sqrt(d1 * d2) * width;
        }
        bc = Math.min(1.0, Math.max(0.0, bc));
        return Math.sqrt(1 - bc);
    }

    /**
     * {reference counts, current counts} between numpy's edges: repeated ones (a range too narrow for distinct
     * edges) counted as numpy counts between them, distinct ones by the backend's binning.
     */
    private static long[][] counts(Parallelism par, Reference ref, double[] edges, CountingKernels kernels,
                                   double[] cur) {
        if (BinEdges.repeats(edges)) {
            return new long[][] {ref.countsNumpy(edges), Histogram.countNumpy(cur, edges, NonFinite.DROP)};
        }
        return counts(par, ref, new BinLocator(edges, kernels), cur);
    }

    /**
     * {reference counts, current counts} in the locator's bins: the two passes on two threads when the context has
     * them and the columns are long. Integer counts, so the same whichever thread counted which.
     */
    private static long[][] counts(Parallelism par, Reference ref, BinLocator bins, double[] cur) {
        long[][] both = new long[2][];
        Parallelism.Part<long[][]> count = (b, part) -> {
            if (part == 0) {
                b[0] = ref.counts(bins);
            } else {
                b[1] = new long[bins.bins()];
                bins.countInto(cur, 0, cur.length, b[1], false);
            }
        };
        if (par.threads() > 1 && ref.scan().finite() + cur.length >= Parallelism.MIN_SPLIT) {
            par.forEachPart(2, 1, () -> both, count);
        } else {
            count.run(both, 0);
            count.run(both, 1);
        }
        return both;
    }

    /** Sturges' bin count over the distinct values of both columns, upper the most there can be. */
    private static int hellingerBins(Reference ref, double[] cur, double min, double max, long upper,
                                     Parallelism par) {
        int most = BinEdges.sturgesBins(min, max, upper);
        if (most == 1) {
            // a constant union; or a subnormal range whose width ptp / (log2 d + 1) underflows to 0 at `upper`
            // values (numpy's one bin) but not at the true distinct count: there the count is not monotone in d
            return min == max ? 1 : BinEdges.sturgesBins(min, max, ref.distinctUnion(sortedFinite(cur)));
        }
        // the bin count grows with the distinct count d (through log2 d) while the width stays above 0, as it does
        // for every d below `upper` here: settled if the lower bound gives it too
        // the values are hashed only until the bound reaches the fewest distinct values that give `most` bins
        long enough = fewestDistinctFor(min, max, most, upper);
        int logBits = DistinctLowerBound.logBitsFor(upper);
        long bound;
        if (par.threads() > 1 && ref.sketchHashes() && ref.scan().finite() + cur.length >= Parallelism.MIN_SPLIT) {
            // a column reference and the current hashed on two threads, into a bitmap each, then ORed: the current
            // may be hashed further than one thread would need, but no longer after the reference's hashing
            DistinctLowerBound[] two = new DistinctLowerBound[2];
            par.forEachPart(2, 1, () -> two, (b, part) -> {
                if (part == 0) {
                    b[0] = ref.sketch(logBits, enough);
                } else {
                    b[1] = new DistinctLowerBound(logBits);
                    b[1].addUntil(cur, 0, enough);
                }
            });
            two[0].or(two[1]);
            bound = two[0].bound();
        } else {
            DistinctLowerBound seen = ref.sketch(logBits, enough);
            bound = seen.bound();
            if (bound < enough) {
                bound = seen.addUntil(cur, bound, enough);
            }
        }
        // any lower bound decides only whether the sort is needed: the bin count is the same either way
        if (BinEdges.sturgesBins(min, max, bound) == most) {
            return most;
        }
        return BinEdges.sturgesBins(min, max, ref.distinctUnion(sortedFinite(cur)));
    }

    /**
     * The least d in [1, upper] with Sturges' bin count ≥ most (the count grows with d), by bisection; upper if
     * none is smaller. Only where the hashing stops depends on it: the caller still checks the count at its bound.
     */
    private static long fewestDistinctFor(double min, double max, int most, long upper) {
        long lo = 1;
        long hi = upper;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (BinEdges.sturgesBins(min, max, mid) >= most) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** A sorted copy of the finite values. */
    static double[] sortedFinite(double[] a) {
        double[] s = EvidentlyRules.finite("values", a).clone();
        Arrays.sort(s);
        return s;
    }

    /** How many of the sorted values equal each key (keys sorted, distinct, a superset of the values). */
    static long[] countPerValue(double[] sorted, double[] keys) {
        long[] counts = new long[keys.length];
        int k = 0;
        for (double v : sorted) {
            while (keys[k] != v) {
                k++;
            }
            counts[k]++;
        }
        return counts;
    }
}

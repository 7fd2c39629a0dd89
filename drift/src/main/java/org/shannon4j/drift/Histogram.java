package org.shannon4j.drift;

import java.util.Objects;

/**
 * Counting values into bins as {@code np.histogram(values, bins=edges)} does: bin i holds
 * {@code edges[i] <= v < edges[i + 1]}, except the last bin, which is closed (it holds v = edges[last] too); values below
 * the first edge or above the last are in no bin. Stateless.
 */
public final class Histogram {

    private Histogram() {
    }

    /**
     * The counts of {@code values} in the bins between {@code edges}; non-finite values are rejected.
     *
     * @param values the data (may be empty)
     * @param edges at least two finite, strictly increasing edges
     * @return {@code edges.length - 1} counts
     * @throws IllegalArgumentException on bad edges or a non-finite value (naming index and value)
     */
    public static long[] count(double[] values, double[] edges) {
        return count(values, edges, NonFinite.REJECT);
    }

    /**
     * The counts of {@code values} in the bins between {@code edges}. Under {@link NonFinite#DROP} NaN and ±∞ are
     * in no bin, exactly as in {@code np.histogram}.
     *
     * @param values the data (may be empty)
     * @param edges at least two finite, strictly increasing edges
     * @param nonFinite what to do with NaN and ±∞
     * @return {@code edges.length - 1} counts
     * @throws IllegalArgumentException on bad edges, or a non-finite value under {@link NonFinite#REJECT}
     */
    public static long[] count(double[] values, double[] edges, NonFinite nonFinite) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(edges, "edges");
        Objects.requireNonNull(nonFinite, "nonFinite");
        BinEdges.checkEdges(edges, "edges");
        int bins = edges.length - 1;
        double first = edges[0];
        double last = edges[bins];
        long[] counts = new long[bins];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                if (nonFinite == NonFinite.REJECT) {
                    throw BinEdges.nonFiniteValue(values, i);
                }
                continue;
            }
            if (v >= first && v <= last) {
                counts[bin(edges, v)]++;
            }
        }
        return counts;
    }

    /**
     * The bin of v, first <= v <= last: the largest i < bins with edges[i] <= v. Plain comparisons (not
     * Double.compare, which orders −0.0 before 0.0 where numpy's searchsorted sees them equal).
     */
    static int bin(double[] edges, double v) {
        int lo = 0;
        int hi = edges.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (edges[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}

package org.shannon4j.drift;

import java.util.Objects;

/**
 * Counting values into bins as {@code np.histogram(values, bins=edges)} does: bin i holds
 * {@code edges[i] <= v < edges[i + 1]}, except the last bin, which is closed (it holds v = edges[last] too); values below
 * the first edge or above the last are in no bin. Each value's bin is found in O(1) for (near-)uniform edges (an
 * arithmetic guess corrected against the edges), with the binary search's result for any edges. Stateless.
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
        BinLocator bins = locator(edges, nonFinite);
        long[] counts = new long[bins.bins()];
        bins.countInto(values, 0, values.length, counts, nonFinite == NonFinite.REJECT);
        return counts;
    }

    /**
     * {@link #count(double[], double[])} for floats, each compared as the double it is.
     *
     * @param values the data (may be empty)
     * @param edges the edges
     * @return the counts
     */
    public static long[] count(float[] values, double[] edges) {
        return count(values, edges, NonFinite.REJECT);
    }

    /**
     * {@link #count(double[], double[], NonFinite)} for floats, each compared as the double it is.
     *
     * @param values the data (may be empty)
     * @param edges the edges
     * @param nonFinite what to do with NaN and ±∞
     * @return the counts
     */
    public static long[] count(float[] values, double[] edges, NonFinite nonFinite) {
        Objects.requireNonNull(values, "values");
        BinLocator bins = locator(edges, nonFinite);
        long[] counts = new long[bins.bins()];
        bins.countInto(values, 0, values.length, counts, nonFinite == NonFinite.REJECT);
        return counts;
    }

    /**
     * {@code np.histogram(values, bins=edges)} for edges that may repeat (the presets' edges over a range too narrow
     * for distinct ones; strictly increasing edges are counted by {@link #count(double[], double[], NonFinite)}):
     * numpy's {@code searchsorted} difference, so bin i holds edges[i] ≤ v < edges[i + 1] (nothing between equal
     * edges) and v = edges[last] is in the last bin, whatever edges equal it; values outside are in no bin.
     *
     * @param values the data
     * @param edges finite, non-decreasing, at least two
     * @param nonFinite what to do with NaN and ±∞
     * @return {@code edges.length - 1} counts
     */
    static long[] countNumpy(double[] values, double[] edges, NonFinite nonFinite) {
        if (!BinEdges.repeats(edges)) {
            return count(values, edges, nonFinite);
        }
        int bins = edges.length - 1;
        long[] counts = new long[bins];
        double first = edges[0];
        double last = edges[bins];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v == last) {
                counts[bins - 1]++;
            } else if (v >= first && v < last) {
                counts[BinLocator.search(edges, v, 0, bins)]++; // below last: at most bins − 1
            } else if (nonFinite == NonFinite.REJECT && !Double.isFinite(v)) {
                throw BinEdges.nonFiniteValue(values, i);
            }
        }
        return counts;
    }

    private static BinLocator locator(double[] edges, NonFinite nonFinite) {
        Objects.requireNonNull(edges, "edges");
        Objects.requireNonNull(nonFinite, "nonFinite");
        BinEdges.checkEdges(edges, "edges");
        return new BinLocator(edges);
    }

    /**
     * The bin of v by binary search (numpy's searchsorted), the reference the fast {@link BinLocator} is tested
     * against: first <= v <= last, the largest i < bins with edges[i] <= v.
     */
    static int bin(double[] edges, double v) {
        return BinLocator.search(edges, v, 0, edges.length - 2);
    }
}

package org.shannon4j.drift;

import java.util.Arrays;
import java.util.Objects;

import org.shannon4j.spi.NumpySums;

/**
 * Bin edges as numpy computes them: {@code np.histogram_bin_edges(a, bins, range)} for the {@link BinRule}s, and
 * equal-frequency edges from numpy's default ('linear') quantiles. Stateless; every method returns a new array.
 *
 * <h2>What is reproduced, and how exactly</h2>
 * <ul>
 *   <li><b>Outer edges</b> (numpy's {@code _get_outer_edges}): the range if one is given, else the data's min and
 *       max; an empty range (min = max) becomes [min − 0.5, max + 0.5].</li>
 *   <li><b>Edges</b>: numpy's {@code linspace(first, last, bins + 1)}: step = (last − first) / bins, edge i =
 *       i·step + first (or (i / bins)·(last − first) + first when the step underflows to 0), the last edge set to
 *       {@code last}. Given the number of bins, every edge equals numpy's to the last bit.</li>
 *   <li><b>Number of bins</b> for an estimator: {@code ceil((last − first) / h)} (1 when h = 0), h the rule's width
 *       (see {@link BinRule}) computed from the data trimmed to the range, with numpy's operation order: its
 *       pairwise summation for the mean and the standard deviation, its 'linear' percentile for the IQR. The width
 *       itself goes through pow, log2 and (Doane) a cube, which numpy takes from the platform's libm or, on AVX-512
 *       machines, from SVML, and which are not correctly rounded there: the width can differ from numpy's by a few
 *       ulps. The bin count, hence every edge, differs only if (last − first) / h lies within those ulps of an
 *       integer; the cases where that happens by construction are handled exactly (log2 of a power of two, n^(1/3)
 *       of a perfect cube, the range of a constant column).</li>
 * </ul>
 *
 * <h2>Integer columns: numpy 1.x and 2.x differ</h2>
 * For an array of an integer dtype, numpy 2.1 and later raise an estimator's width to 1 when it is below 1 (gh-12150:
 * narrower bins only add empty bins between the integers); numpy 1.x does not. For float64 arrays both versions
 * agree. {@link #of} and {@link #inRange} reproduce numpy on a float64 array (and so numpy 1.x on an integer array
 * too, whose values are converted to float64); {@link #ofIntegerColumn} reproduces numpy 2.x on an int64 array.
 * A bin count or given edges are the same in both versions.
 *
 * <h2>Bad input</h2>
 * An empty array (or, under {@link NonFinite#DROP}, one with no finite value) is an error: numpy's fallback of
 * [0, 1] for it hides a missing column. Non-finite values follow the {@link NonFinite} policy (default
 * {@link NonFinite#REJECT}; numpy raises for them unless a range is given, when it silently leaves them out). A range
 * whose width overflows to ∞, a range too narrow (subnormal) for distinct edges, and an estimator width that
 * overflows to ∞ (Scott's for data near ±1e308) are errors here (numpy returns NaN, repeated, or a single edge).
 * The presets reproduce the peers instead: Evidently's and NannyML's edges over a range of a few ulps (0.3 next to
 * 0.1 + 0.2) repeat as numpy's do, and their counts between repeated edges are numpy's. Errors are
 * {@link IllegalArgumentException}s naming the argument, the index and the value.
 */
public final class BinEdges {

    /** 24·sqrt(π), Python's {@code 24.0 * np.pi**0.5}. */
    private static final double SCOTT_FACTOR = 24.0 * Math.sqrt(Math.PI);
    private static final double INV_LN2 = 1.4426950408889634;
    private static final double INV_LN2_LO = 2.0355273740931033e-17;
    private static final double MAX_EXACT_INTEGER = 0x1p53;

    private BinEdges() {
    }

    /**
     * {@code np.histogram_bin_edges(values, rule)} on a float64 array; non-finite values are rejected.
     *
     * @param values the data, not empty, all finite
     * @param rule the binning rule
     * @return the edges, strictly increasing, at least two
     * @throws IllegalArgumentException on empty or non-finite data (naming index and value)
     */
    public static double[] of(double[] values, BinRule rule) {
        return of(values, rule, NonFinite.REJECT);
    }

    /**
     * {@code np.histogram_bin_edges(values, rule)} on a float64 array, non-finite values handled by
     * {@code nonFinite}.
     *
     * @param values the data; at least one finite value
     * @param rule the binning rule
     * @param nonFinite what to do with NaN and ±∞
     * @return the edges, strictly increasing, at least two
     * @throws IllegalArgumentException on empty data, or non-finite data under {@link NonFinite#REJECT}
     */
    public static double[] of(double[] values, BinRule rule, NonFinite nonFinite) {
        return compute(values, rule, false, 0, 0, nonFinite, false, false);
    }

    /**
     * The presets' {@code np.histogram_bin_edges(values, rule)} (non-finite values rejected): as {@link #of}, but a
     * range too narrow for distinct edges gives numpy's repeated edges instead of an error, since the peers go on
     * to count with them (a bin between equal edges holds nothing: {@link Histogram#countNumpy}).
     */
    static double[] ofNumpy(double[] values, BinRule rule) {
        return compute(values, rule, false, 0, 0, NonFinite.REJECT, false, true);
    }

    /**
     * {@code np.histogram_bin_edges(values, rule, range=(min, max))}: the outer edges are {@code min} and
     * {@code max} (expanded by ±0.5 if equal), and an estimator sees only the values in [min, max] (1 bin if there
     * are none, as numpy).
     *
     * @param values the data, not empty
     * @param rule the binning rule
     * @param min the first edge, finite
     * @param max the last edge, finite, {@code >= min}
     * @param nonFinite what to do with NaN and ±∞ in {@code values} (numpy leaves them out when a range is given;
     *     that is {@link NonFinite#DROP})
     * @return the edges, strictly increasing, at least two
     * @throws IllegalArgumentException on empty data, a non-finite or reversed range, or non-finite data under
     *     {@link NonFinite#REJECT}
     */
    public static double[] inRange(double[] values, BinRule rule, double min, double max, NonFinite nonFinite) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("range = [" + min + ", " + max + "]: the range must be finite");
        }
        if (min > max) {
            throw new IllegalArgumentException("range = [" + min + ", " + max + "]: min must be <= max");
        }
        return compute(values, rule, true, min, max, nonFinite, false, false);
    }

    /**
     * {@code np.histogram_bin_edges(values.astype(np.int64), rule)} as numpy 2.1 and later compute it: an
     * estimator's width below 1 is raised to 1 (numpy 1.x does not; for its result use {@link #of}). The mean and
     * standard deviation are summed as for a float64 array; numpy sums an integer array in blocks of its cast buffer
     * (8,192 values), which moves the width by ulps only (see the class comment for what ulps can change).
     *
     * @param values integer values of magnitude at most 2^53, not empty
     * @param rule the binning rule
     * @param nonFinite what to do with NaN and ±∞
     * @return the edges, strictly increasing, at least two
     * @throws IllegalArgumentException on empty data, a non-integer value, or non-finite data under
     *     {@link NonFinite#REJECT}
     */
    public static double[] ofIntegerColumn(double[] values, BinRule rule, NonFinite nonFinite) {
        return compute(values, rule, false, 0, 0, nonFinite, true, false);
    }

    /**
     * Equal-frequency edges: {@code np.unique(np.quantile(values, np.linspace(0, 1, bins + 1)))} with numpy's
     * default quantile method 'linear' (Hyndman and Fan's type 7: virtual index (n − 1)·q, linear interpolation
     * between the neighbours in numpy's two-sided form), bit for bit. Ties can make quantiles equal; equal edges
     * are merged, so fewer than {@code bins} bins can come back. A constant column gives [v − 0.5, v + 0.5], as
     * numpy's empty-range rule. The first and last edges are the data's min and max.
     *
     * @param values the data, not empty
     * @param bins the number of bins wanted, at least 1
     * @param nonFinite what to do with NaN and ±∞
     * @return the edges, strictly increasing, at least two, at most {@code bins + 1}
     * @throws IllegalArgumentException on empty data, {@code bins < 1}, or non-finite data under
     *     {@link NonFinite#REJECT}
     */
    public static double[] quantiles(double[] values, int bins, NonFinite nonFinite) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins = " + bins + ": the number of bins must be >= 1");
        }
        double[] sorted = finiteValues(values, nonFinite).clone();
        Arrays.sort(sorted);
        double[] q = linspace(0.0, 1.0, bins + 1);
        double[] edges = new double[bins + 1];
        int kept = 0;
        for (double qi : q) {
            double v = quantileSorted(sorted, qi);
            if (kept == 0 || v > edges[kept - 1]) {
                edges[kept++] = v;
            }
        }
        if (kept == 1) {
            return new double[] {edges[0] - 0.5, edges[0] + 0.5};
        }
        return Arrays.copyOf(edges, kept);
    }

    /**
     * {@link #quantiles(double[], int, NonFinite)} rejecting non-finite values.
     *
     * @param values the data, not empty, all finite
     * @param bins the number of bins wanted, at least 1
     * @return the edges, strictly increasing, at least two, at most {@code bins + 1}
     * @throws IllegalArgumentException on empty or non-finite data, or {@code bins < 1}
     */
    public static double[] quantiles(double[] values, int bins) {
        return quantiles(values, bins, NonFinite.REJECT);
    }

    private static double[] compute(double[] values, BinRule rule, boolean hasRange, double min, double max,
            NonFinite nonFinite, boolean integerColumn, boolean repeats) {
        Objects.requireNonNull(rule, "rule");
        double[] a = finiteValues(values, nonFinite);
        if (rule.kind == BinRule.Kind.EDGES) {
            return rule.edgesCopy();
        }
        if (integerColumn) {
            for (int i = 0; i < a.length; i++) {
                if (a[i] != Math.rint(a[i]) || Math.abs(a[i]) > MAX_EXACT_INTEGER) {
                    throw new IllegalArgumentException("values[" + indexIn(values, a, i) + "] = " + a[i]
                            + ": an integer column needs integers of magnitude <= 2^53");
                }
            }
        }
        double first;
        double last;
        if (hasRange) {
            first = min;
            last = max;
        } else {
            first = a[0];
            last = a[0];
            for (double v : a) {
                first = Math.min(first, v);
                last = Math.max(last, v);
            }
        }
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double delta = last - first;
        checkDelta(first, last, delta);
        int bins;
        if (rule.kind == BinRule.Kind.COUNT) {
            bins = rule.count;
        } else {
            double[] x = hasRange ? trim(a, first, last) : a;
            if (x.length == 0) {
                bins = 1;
            } else {
                double width = width(rule.kind, x);
                if (integerColumn && width != 0 && width < 1) {
                    width = 1;
                }
                bins = binsForWidth(delta, width, rule);
            }
        }
        return repeats ? numpyEdges(first, last, bins) : spaced(first, last, bins);
    }

    /**
     * {@code np.histogram_bin_edges(a, "sturges")} from what the rule reads of the data: its min, max and number of
     * values (so that a caller scans one or two columns once, without concatenating them). Equal to
     * {@link #of}{@code (a, BinRule.STURGES)} to the last bit, except that an edge that is a zero may carry the
     * other sign (it compares equal, so every count is the same).
     */
    static double[] sturges(double min, double max, double n) {
        return spacedOver(min, max, sturgesBins(min, max, n));
    }

    /**
     * {@link #sturges} as numpy gives it: the edges may repeat where the range is too narrow for distinct ones
     * (count with {@link Histogram#countNumpy} then).
     */
    static double[] sturgesNumpy(double min, double max, double n) {
        return spacedOverNumpy(min, max, sturgesBins(min, max, n));
    }

    /** {@link #spacedOver} with numpy's repeated edges where the range is too narrow for distinct ones. */
    static double[] spacedOverNumpy(double min, double max, int bins) {
        return numpyEdges(min == max ? min - 0.5 : min, min == max ? max + 0.5 : max, bins);
    }

    /**
     * numpy's linspace edges, which may repeat; over a few subnormal units the rounded step can carry an edge
     * past the last one, where {@code np.histogram} raises, and so does this.
     */
    private static double[] numpyEdges(double first, double last, int bins) {
        double[] edges = linspace(first, last, bins + 1);
        for (int i = 1; i < edges.length; i++) {
            if (edges[i] < edges[i - 1]) {
                throw new IllegalArgumentException("range = [" + first + ", " + last + "]: too narrow for " + bins
                        + " bins (edge " + i + " = " + edges[i] + " is below edge " + (i - 1) + " = " + edges[i - 1]
                        + "; numpy's np.histogram raises 'bins must increase monotonically')");
            }
        }
        return edges;
    }

    /** Whether the edges (non-decreasing) repeat one. */
    static boolean repeats(double[] edges) {
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                return true;
            }
        }
        return false;
    }

    /** The edges of {@code bins} equal bins over [min, max] (± 0.5 if equal), as numpy's outer edges and linspace. */
    static double[] spacedOver(double min, double max, int bins) {
        return spaced(min == max ? min - 0.5 : min, min == max ? max + 0.5 : max, bins);
    }

    /** The bin count of {@link #sturges}: ceil(delta / (ptp / (log2(n) + 1))), 1 for a constant column. */
    static int sturgesBins(double min, double max, double n) {
        double first = min == max ? min - 0.5 : min;
        double last = min == max ? max + 0.5 : max;
        double delta = last - first;
        checkDelta(first, last, delta);
        return binsForWidth(delta, (max - min) / (log2(n) + 1.0), BinRule.STURGES);
    }

    private static void checkDelta(double first, double last, double delta) {
        if (delta == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("range = [" + first + ", " + last
                    + "]: its width overflows to infinity; no finite edges can be spaced over it");
        }
    }

    /** numpy's {@code ceil(delta / width)}, 1 for a zero width. */
    private static int binsForWidth(double delta, double width, BinRule rule) {
        if (width == 0) {
            return 1;
        }
        double b = Math.ceil(delta / width);
        if (b == 0) {
            // numpy returns the single edge [first] here: a histogram without bins
            throw new IllegalArgumentException("rule = " + rule + ": its width is infinite ("
                    + "the data's moments overflow), which gives 0 bins");
        }
        if (!(b <= Integer.MAX_VALUE - 16)) {
            throw new IllegalArgumentException("rule = " + rule + ": gives " + b
                    + " bins, more than an array holds");
        }
        return (int) b;
    }

    /** numpy's linspace of the edges; repeated edges (a range too narrow for them) are an error. */
    private static double[] spaced(double first, double last, int bins) {
        double[] edges = linspace(first, last, bins + 1);
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                // numpy returns these repeated edges; a bin that can hold nothing is an error here
                throw new IllegalArgumentException("range = [" + first + ", " + last + "]: too narrow for " + bins
                        + " bins (edges " + (i - 1) + " and " + i + " are both " + edges[i] + ")");
            }
        }
        return edges;
    }

    /** numpy's {@code np.linspace(start, stop, num, endpoint=True)} for num >= 2. */
    static double[] linspace(double start, double stop, int num) {
        int div = num - 1;
        double delta = stop - start;
        double step = delta / div;
        double[] y = new double[num];
        if (step == 0) {
            // numpy's branch for a step that underflows (gh-5437): scale the index first
            for (int i = 0; i < num; i++) {
                y[i] = ((double) i / div) * delta + start;
            }
        } else {
            for (int i = 0; i < num; i++) {
                y[i] = (double) i * step + start;
            }
        }
        y[num - 1] = stop;
        return y;
    }

    private static double width(BinRule.Kind kind, double[] x) {
        int n = x.length;
        return switch (kind) {
            case STURGES -> sturges(x);
            case RICE -> ptp(x) / (2.0 * Math.pow(n, 1.0 / 3));
            case SQRT -> ptp(x) / Math.sqrt(n);
            case SCOTT -> Math.pow(SCOTT_FACTOR / n, 1.0 / 3.0) * std(x);
            case FD -> fd(x);
            case DOANE -> doane(x);
            case AUTO -> {
                double fd = fd(x);
                double sturges = sturges(x);
                yield fd != 0 ? (sturges < fd ? sturges : fd) : sturges;
            }
            case AUTO_NUMPY_2_3 -> {
                // numpy: min(max(fd_bw, sqrt_bw / 2), sturges_bw), Python's min and max (the first on a tie)
                double fd = fd(x);
                double half = ptp(x) / Math.sqrt(n) / 2;
                double corrected = half > fd ? half : fd;
                double sturges = sturges(x);
                yield sturges < corrected ? sturges : corrected;
            }
            default -> throw new AssertionError(kind);
        };
    }

    private static double sturges(double[] x) {
        return ptp(x) / (log2(x.length) + 1.0);
    }

    private static double fd(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        // np.percentile(x, [75, 25]): q / 100 is exactly 0.75 and 0.25
        double iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
        return 2.0 * iqr * Math.pow(x.length, -1.0 / 3.0);
    }

    private static double doane(double[] x) {
        int n = x.length;
        if (n <= 2) {
            return 0.0;
        }
        double sg1 = Math.sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3)));
        double sigma = std(x);
        if (!(sigma > 0.0)) {
            return 0.0;
        }
        double mean = pairwiseSum(x, 0, n) / n;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = cube((x[i] - mean) / sigma);
        }
        double g1 = pairwiseSum(t, 0, n) / n;
        return ptp(x) / (1.0 + log2(n) + log2(1.0 + Math.abs(g1) / sg1));
    }

    private static double std(double[] x) {
        return NumpySums.populationStd(x);
    }

    static double pairwiseSum(double[] a, int off, int n) {
        return NumpySums.pairwiseSum(a, off, n);
    }

    /** numpy's 'linear' quantile of sorted data: lerp between the neighbours of the virtual index (n − 1)·q. */
    private static double quantileSorted(double[] sorted, double q) {
        int n = sorted.length;
        double virtual = (n - 1) * q;
        if (virtual >= n - 1) {
            return sorted[n - 1];
        }
        int prev = (int) Math.floor(virtual);
        double a = sorted[prev];
        double b = sorted[prev + 1];
        double t = virtual - prev;
        double diff = b - a;
        // numpy's _lerp: from the nearer end, so that t = 1 gives b exactly
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    private static double ptp(double[] x) {
        double lo = x[0];
        double hi = x[0];
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    /** log2, exact at powers of two (where the bin count of Sturges' rule is an integer and ulps decide). */
    private static double log2(double x) {
        int e = Math.getExponent(x);
        double m = Math.scalb(x, -e);
        if (m == 1.0) {
            return e;
        }
        if (m > Math.sqrt(2.0)) {
            m /= 2;
            e++;
        }
        double l = Math.log(m);
        double p = l * INV_LN2;
        double pErr = Math.fma(l, INV_LN2, -p) + l * INV_LN2_LO;
        double s = e + p;
        return s + ((e - s) + p + pErr);
    }

    /** x³ rounded once (libm's pow(x, 3) is within an ulp of it; numpy's SVML pow is not always). */
    private static double cube(double x) {
        double sq = x * x;
        double sqErr = Math.fma(x, x, -sq);
        double c = sq * x;
        double cErr = Math.fma(sq, x, -c);
        return c + (cErr + sqErr * x);
    }

    private static double[] trim(double[] a, double first, double last) {
        int kept = 0;
        for (double v : a) {
            if (v >= first && v <= last) {
                kept++;
            }
        }
        if (kept == a.length) {
            return a;
        }
        double[] out = new double[kept];
        int j = 0;
        for (double v : a) {
            if (v >= first && v <= last) {
                out[j++] = v;
            }
        }
        return out;
    }

    /** The finite values, {@code values} itself when all are finite. */
    static double[] finiteValues(double[] values, NonFinite nonFinite) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(nonFinite, "nonFinite");
        if (values.length == 0) {
            throw new IllegalArgumentException("values is empty: no bins can be computed");
        }
        int finite = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                finite++;
            } else if (nonFinite == NonFinite.REJECT) {
                throw nonFiniteValue(values, i);
            }
        }
        if (finite == values.length) {
            return values;
        }
        if (finite == 0) {
            throw new IllegalArgumentException("values has no finite value (" + values.length
                    + " NaN or infinite values dropped): no bins can be computed");
        }
        double[] out = new double[finite];
        int j = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                out[j++] = v;
            }
        }
        return out;
    }

    static IllegalArgumentException nonFiniteValue(double[] values, int i) {
        return new IllegalArgumentException("values[" + i + "] = " + values[i]
                + ": non-finite values are rejected (NonFinite.REJECT; NonFinite.DROP leaves them out)");
    }

    /** The index in {@code values} of the i-th kept value of {@code kept} (for messages after dropping). */
    private static int indexIn(double[] values, double[] kept, int i) {
        if (kept == values) {
            return i;
        }
        int seen = -1;
        for (int j = 0; j < values.length; j++) {
            if (Double.isFinite(values[j]) && ++seen == i) {
                return j;
            }
        }
        return i;
    }

    /** Checks edges: at least two, finite, strictly increasing. */
    static void checkEdges(double[] edges, String name) {
        if (edges.length < 2) {
            throw new IllegalArgumentException(name + " has " + edges.length + " value(s): at least 2 edges needed");
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + edges[i] + ": edges must be finite");
            }
            if (i > 0 && !(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + edges[i]
                        + ": edges must be strictly increasing (" + name + "[" + (i - 1) + "] = " + edges[i - 1] + ")");
            }
        }
    }
}

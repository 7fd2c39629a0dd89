package org.shannon4j.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * How {@link BinEdges#of(double[], BinRule)} chooses the edges: one of numpy's {@code histogram_bin_edges} estimators
 * (by name, as numpy spells them), a number of equal-width bins, or the edges themselves. Immutable.
 *
 * <p>The estimators give a bin <em>width</em> h from the data (after trimming to the range, if one is given); the
 * number of bins is then {@code ceil((last - first) / h)}, or 1 when h is 0, and the edges are numpy's
 * {@code linspace(first, last, bins + 1)} (see {@link BinEdges}). With n values and ptp = max − min:
 * <ul>
 *   <li>{@link #STURGES}: h = ptp / (log2 n + 1)</li>
 *   <li>{@link #RICE}: h = ptp / (2 n^(1/3))</li>
 *   <li>{@link #SQRT}: h = ptp / sqrt(n)</li>
 *   <li>{@link #SCOTT}: h = (24 sqrt(π) / n)^(1/3) σ, σ the population standard deviation</li>
 *   <li>{@link #FD} (Freedman–Diaconis): h = 2 IQR n^(−1/3), IQR = the 75th minus the 25th percentile (numpy's
 *       default 'linear' percentile)</li>
 *   <li>{@link #DOANE}: h = ptp / (1 + log2 n + log2(1 + |g1| / σ_g1)), g1 the sample skewness (population
 *       moments), σ_g1 = sqrt(6 (n − 2) / ((n + 1)(n + 3))); h = 0 when n ≤ 2 or σ = 0</li>
 *   <li>{@link #AUTO}: min(FD, Sturges), or Sturges when the FD width is 0 (numpy before 2.3)</li>
 *   <li>{@link #AUTO_NUMPY_2_3}: min(max(FD, SQRT / 2), Sturges), numpy 2.3's 'auto', which caps the bin count
 *       (numpy#28426): a tiny IQR next to an outlier makes FD's widths tiny, and 1,000 values within 1e-6 of each
 *       other with one at 10 get 38 million bins from {@link #AUTO} (as from numpy 1.x), 65 from this one</li>
 * </ul>
 * numpy's 'stone' estimator (a cross-validated search) is not offered.
 */
public final class BinRule {

    enum Kind { AUTO, AUTO_NUMPY_2_3, STURGES, DOANE, FD, SCOTT, RICE, SQRT, COUNT, EDGES }

    /**
     * numpy's 'auto' before numpy 2.3 (numpy 1.x, which Evidently 0.7 and NannyML are run with here): the smaller of
     * the Freedman–Diaconis and Sturges widths (Sturges when the IQR is 0). Its bin count is unbounded: a tiny IQR
     * next to an outlier can ask for millions of bins (see {@link #AUTO_NUMPY_2_3}).
     */
    public static final BinRule AUTO = new BinRule(Kind.AUTO, 0, null);
    /**
     * numpy 2.3's 'auto': min(max(FD, SQRT / 2), Sturges), the Freedman–Diaconis width kept at least half the
     * square-root rule's, so at most about 2·√n bins. {@link #numpyName()} is "auto", as numpy calls it;
     * {@link #named named("auto")} is {@link #AUTO}.
     */
    public static final BinRule AUTO_NUMPY_2_3 = new BinRule(Kind.AUTO_NUMPY_2_3, 0, null);
    /** numpy's 'sturges': width ptp / (log2 n + 1). */
    public static final BinRule STURGES = new BinRule(Kind.STURGES, 0, null);
    /** numpy's 'doane': Sturges corrected for skewness. */
    public static final BinRule DOANE = new BinRule(Kind.DOANE, 0, null);
    /** numpy's 'fd' (Freedman–Diaconis): width 2 IQR n^(−1/3). */
    public static final BinRule FD = new BinRule(Kind.FD, 0, null);
    /** numpy's 'scott': width (24 sqrt(π) / n)^(1/3) σ. */
    public static final BinRule SCOTT = new BinRule(Kind.SCOTT, 0, null);
    /** numpy's 'rice': width ptp / (2 n^(1/3)). */
    public static final BinRule RICE = new BinRule(Kind.RICE, 0, null);
    /** numpy's 'sqrt': width ptp / sqrt(n). */
    public static final BinRule SQRT = new BinRule(Kind.SQRT, 0, null);

    final Kind kind;
    final int count;
    private final double[] edges;

    private BinRule(Kind kind, int count, double[] edges) {
        this.kind = kind;
        this.count = count;
        this.edges = edges;
    }

    /**
     * A fixed number of equal-width bins over the range (numpy's {@code bins=count}).
     *
     * @param bins the number of bins, at least 1
     * @return the rule
     * @throws IllegalArgumentException if {@code bins < 1}
     */
    public static BinRule count(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins = " + bins + ": the number of bins must be >= 1");
        }
        return new BinRule(Kind.COUNT, bins, null);
    }

    /**
     * The given edges (numpy's {@code bins=array}); copied. Stricter than numpy, which accepts equal neighbours:
     * a zero-width bin can hold nothing (or, as the closed last bin, only one value), which is never what a drift
     * comparison wants.
     *
     * @param edges at least two finite, strictly increasing values
     * @return the rule
     * @throws IllegalArgumentException naming the first offending index and value
     */
    public static BinRule edges(double... edges) {
        Objects.requireNonNull(edges, "edges");
        double[] copy = edges.clone();
        BinEdges.checkEdges(copy, "edges");
        return new BinRule(Kind.EDGES, 0, copy);
    }

    /**
     * The name numpy gives this rule ({@code "auto"}, {@code "fd"}, ...), or {@code null} for a bin count or given
     * edges.
     *
     * @return numpy's estimator name, or null
     */
    public String numpyName() {
        return switch (kind) {
            case COUNT, EDGES -> null;
            case AUTO_NUMPY_2_3 -> "auto";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /**
     * The rule numpy calls {@code name}.
     *
     * @param name one of auto, sturges, doane, fd, scott, rice, sqrt
     * @return the rule
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static BinRule named(String name) {
        Objects.requireNonNull(name, "name");
        for (BinRule r : new BinRule[] {AUTO, STURGES, DOANE, FD, SCOTT, RICE, SQRT}) {
            if (r.numpyName().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("name = \"" + name
                + "\": not a binning rule (auto, sturges, doane, fd, scott, rice, sqrt)");
    }

    double[] edgesCopy() {
        return edges.clone();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case COUNT -> "count(" + count + ")";
            case EDGES -> "edges" + Arrays.toString(edges);
            case AUTO_NUMPY_2_3 -> "auto (numpy 2.3)";
            default -> numpyName();
        };
    }
}

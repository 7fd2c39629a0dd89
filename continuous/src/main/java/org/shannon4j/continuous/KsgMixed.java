package org.shannon4j.continuous;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.shannon4j.spi.Context;
import org.shannon4j.spi.NumpySums;

/**
 * Mutual information between a continuous variable (any dimension, max-norm) and a discrete one, by Ross's k-NN
 * estimator (B. C. Ross, "Mutual information between discrete and continuous data sets", PLoS ONE 9(2), 2014), in
 * scikit-learn's or JIDT's form ({@link MixedConvention}). Immutable and thread-safe:
 *
 * <pre>{@code
 * double mi = KsgMixed.of(Shannon.get().context()).mutualInformation(values, labels, 3);  // sklearn's _compute_mi_cd
 * }</pre>
 *
 * <p>scikit-learn's form is {@code _compute_mi_cd} to the bit: its counts, then scipy's ψ and numpy's pairwise
 * means over the kept points in their order. The estimate is in the context's unit and may be negative (scikit-learn clips it at 0: {@link #withClipAtZero}).
 * The neighbour search is exact, over the context's threads: k-d trees (one per label, one over the counted points)
 * when N ≥ max(128, 64·d) and d ≤ 16, else brute force, O(N²·d); the same bits either way and for any thread count. Bad input ({@link IllegalArgumentException} naming argument,
 * index and value): NaN/±∞, mismatched lengths, k ≤ 0, too few points (scikit-learn: no label occurring twice;
 * JIDT: a label occurring k times or fewer).
 */
public final class KsgMixed {

    private final Context context;
    private final MixedConvention convention;
    private final boolean clipAtZero;
    private final boolean normalise;

    private KsgMixed(Context context, MixedConvention convention, boolean clipAtZero, boolean normalise) {
        this.context = context;
        this.convention = convention;
        this.clipAtZero = clipAtZero;
        this.normalise = normalise;
    }

    /**
     * The estimator of a context, in scikit-learn's convention, unclipped.
     *
     * @param context a handle's context: its unit and threads are used
     * @return the estimator
     */
    public static KsgMixed of(Context context) {
        return new KsgMixed(Objects.requireNonNull(context, "context must not be null"), MixedConvention.SKLEARN,
                false, false);
    }

    /**
     * This estimator with another convention.
     *
     * @param convention scikit-learn's or JIDT's
     * @return the estimator with that convention
     */
    public KsgMixed withConvention(MixedConvention convention) {
        return new KsgMixed(context, Objects.requireNonNull(convention, "convention must not be null"), clipAtZero,
                normalise);
    }

    /**
     * This estimator with or without scikit-learn's {@code max(0, mi)}.
     *
     * @param on whether negative estimates become 0
     * @return the estimator with that setting
     */
    public KsgMixed withClipAtZero(boolean on) {
        return new KsgMixed(context, convention, on, normalise);
    }

    /**
     * This estimator with or without JIDT's {@code NORMALISE} (true is the default of JIDT's
     * {@code MutualInfoCalculatorMultiVariateWithDiscreteKraskov}, off here): each continuous column brought to mean
     * 0 and sample standard deviation 1 as JIDT does it. JIDT's noise there is unseeded, so its values are
     * reproducible only with {@code NOISE_LEVEL_TO_ADD=0}.
     *
     * @param on whether the continuous columns are normalised first
     * @return the estimator with that setting
     */
    public KsgMixed withJidtNormalisation(boolean on) {
        return new KsgMixed(context, convention, clipAtZero, on);
    }

    /**
     * I(C; D) of a 1-D continuous sample and paired labels.
     *
     * @param c the continuous values, finite
     * @param d the labels (any ints), {@code d.length == c.length}
     * @param k the neighbour within a label, ≥ 1 (scikit-learn's default is 3)
     * @return the estimate in the context's unit
     * @throws IllegalArgumentException on bad input (see the class comment)
     */
    public double mutualInformation(double[] c, int[] d, int k) {
        int n = Samples.rows("c", c, 1);
        return estimate(c.clone(), 1, n, d, k);
    }

    /**
     * I(C; D) of a continuous sample given as rows and paired labels.
     *
     * @param c N × dims continuous samples, finite
     * @param d the labels, {@code d.length == c.length}
     * @param k the neighbour within a label, ≥ 1
     * @return the estimate in the context's unit
     * @throws IllegalArgumentException on bad input (see the class comment)
     */
    public double mutualInformation(double[][] c, int[] d, int k) {
        double[] flat = Samples.flatten("c", c);
        return estimate(flat, c[0].length, c.length, d, k);
    }

    private double estimate(double[] c, int dims, int n, int[] d, int k) {
        Objects.requireNonNull(d, "d must not be null");
        Samples.checkSameLength("c", n, "d", d.length);
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + ": must be >= 1");
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (int label : d) {
            counts.merge(label, 1, Integer::sum);
        }
        double mi = convention == MixedConvention.SKLEARN ? sklearn(c, dims, n, d, k, counts)
                : jidt(c, dims, n, d, k, counts);
        if (clipAtZero) {
            mi = Math.max(0.0, mi);
        }
        return context.unit().fromNats(mi);
    }

    private double sklearn(double[] c, int dims, int n, int[] d, int k, Map<Integer, Integer> counts) {
        int kept = 0;
        for (int label : d) {
            if (counts.get(label) > 1) {
                kept++;
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException("d: every one of the " + n
                    + " labels occurs once, so no point has a neighbour of its own label");
        }
        normaliseIfAsked(c, dims, n);
        int[] m = new Neighbours(c, dims, n, d, k, counts, true).counts(context.parallelism());
        // _compute_mi_cd's own arithmetic: the kept points in their order, scipy's ψ, numpy's pairwise means
        double[] ks = new double[kept];
        double[] labels = new double[kept];
        double[] ms = new double[kept];
        Map<Integer, Double> psi = new HashMap<>();
        for (int i = 0, j = 0; i < n; i++) {
            int nc = counts.get(d[i]);
            if (nc == 1) {
                continue;
            }
            ks[j] = psi.computeIfAbsent(Math.min(k, nc - 1), Digamma::scipy);
            labels[j] = psi.computeIfAbsent(nc, Digamma::scipy);
            ms[j] = psi.computeIfAbsent(m[i], Digamma::scipy);
            j++;
        }
        return Digamma.scipy(kept) + NumpySums.pairwiseSum(ks, 0, kept) / kept
                - NumpySums.pairwiseSum(labels, 0, kept) / kept - NumpySums.pairwiseSum(ms, 0, kept) / kept;
    }

    private double jidt(double[] c, int dims, int n, int[] d, int k, Map<Integer, Integer> counts) {
        for (int i = 0; i < n; i++) {
            if (counts.get(d[i]) <= k) {
                throw new IllegalArgumentException("d[" + i + "] = " + d[i] + " occurs " + counts.get(d[i])
                        + " times: JIDT's estimator needs every label more than k = " + k + " times");
            }
        }
        normaliseIfAsked(c, dims, n);
        int[] nx = new Neighbours(c, dims, n, d, k, counts, false).counts(context.parallelism());
        MultivariateKsg.Sum s = new MultivariateKsg.Sum();
        for (int i = 0; i < n; i++) {
            s.add(Digamma.of(nx[i]) + Digamma.of(counts.get(d[i]) - 1));
        }
        return Digamma.of(k) + Digamma.of(n) - s.value() / n;
    }

    /** After the checks, so that N ≥ 2 (JIDT's N − 1 in the standard deviation). */
    private void normaliseIfAsked(double[] c, int dims, int n) {
        if (normalise) {
            JidtNormalisation.columns("c", c, dims, n);
        }
    }

    /**
     * Per point, the count of its estimate term: scikit-learn's m (the points of repeated labels, itself included,
     * within the largest double below ε, ε the distance to its min(k, N_c − 1)-th neighbour of its own label) or
     * JIDT's n_x (the other points within ε, ε the distance to its k-th neighbour of its own label). By
     * {@link KdTree}s (one per label, one over the counted points) when {@link KdTree#pays}, else brute force; the
     * same numbers either way, per point, so neither the search nor the thread count changes the sums' bits.
     */
    static final class Neighbours {
        private static final int PART = 64;

        private final double[] c;
        private final int dims;
        private final int n;
        private final int[] group;
        private final int[] size;
        private final int k;
        private final boolean sklearn;
        /** scikit-learn's Euclidean arithmetic (1-D, see {@link #sklearnRadius}). */
        private final boolean squares;

        Neighbours(double[] c, int dims, int n, int[] d, int k, Map<Integer, Integer> counts, boolean sklearn) {
            this.c = c;
            this.dims = dims;
            this.n = n;
            this.k = k;
            this.sklearn = sklearn;
            this.squares = sklearn && dims == 1;
            // dense label ids, so that no query boxes a label
            Map<Integer, Integer> ids = new HashMap<>();
            group = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                group[i] = ids.computeIfAbsent(d[i], z -> ids.size());
                size[i] = counts.get(d[i]);
            }
        }

        private int neighbour(int i) {
            return sklearn ? Math.min(k, size[i] - 1) : k;
        }

        private double radius(double eps) {
            return sklearn ? (eps > 0 ? Math.nextDown(eps) : 0.0) : eps;
        }

        /** Whether scikit-learn's NearestNeighbors searches i's label by brute force: k_i ≥ N_c // 2. */
        private boolean bruteLabel(int i) {
            return neighbour(i) >= size[i] / 2;
        }

        /**
         * scikit-learn's counting radius of i in 1-D, as its Euclidean searches compute it: ε is the k_i-th
         * smallest over the other points j of i's label of √(d²) with d² = (c_i − c_j)² rounded (KDTree), or, for a
         * label searched by brute force, √max(0, (c_i² − 2·c_i·c_j) + c_j²) (its GEMM expansion, each step rounded);
         * r = nextafter(ε, 0); and KDTree.query_radius counts the points with (c_i − c_j)² ≤ r², squares rounded.
         * Returned is the largest |c_i − c_j| that count takes, so that a count of |c_i − c_j| ≤ it is
         * scikit-learn's. They are the exact |c_i − c_j| where the squares are normal, except on brute-force labels.
         *
         * @param kth the k_i-th smallest |c_i − c_j| in i's label (a KDTree label's ε before rounding)
         * @param members the points of i's label (for a brute-force label), or null to scan all
         */
        private double sklearnRadius(int i, double kth, int[] members, double[] scratch) {
            double eps;
            if (bruteLabel(i)) {
                double xi = c[i];
                int found = 0;
                int count = members == null ? n : members.length;
                for (int m = 0; m < count; m++) {
                    int j = members == null ? m : members[m];
                    if (j == i || group[j] != group[i]) {
                        continue;
                    }
                    double xj = c[j];
                    double raw = (xi * xi + -2.0 * (xi * xj)) + xj * xj;
                    scratch[found++] = raw > 0 ? Math.sqrt(raw) : 0.0;
                }
                java.util.Arrays.sort(scratch, 0, found);
                eps = scratch[neighbour(i) - 1];
            } else {
                eps = Math.sqrt(kth * kth);
            }
            return squaredBound(radius(eps));
        }

        int[] counts(org.shannon4j.spi.Parallelism parallelism) {
            return counts(parallelism, KdTree.pays(n, dims));
        }

        int[] counts(org.shannon4j.spi.Parallelism parallelism, boolean tree) {
            int[] out = new int[n];
            int parts = Math.ceilDiv(n, PART);
            if (!tree) {
                KnnBlocks.run(parts, parallelism, () -> new double[n + k], (scratch, p) -> {
                    for (int i = p * PART, e = Math.min(n, i + PART); i < e; i++) {
                        if (size[i] > 1) {
                            out[i] = brute(i, scratch);
                        }
                    }
                });
                return out;
            }
            int groups = 0;
            for (int g : group) {
                groups = Math.max(groups, g + 1);
            }
            int[][] members = new int[groups][];
            int[] filled = new int[groups];
            for (int i = 0; i < n; i++) {
                if (members[group[i]] == null) {
                    members[group[i]] = new int[size[i]];
                }
                members[group[i]][filled[group[i]]++] = i;
            }
            KdTree[] byLabel = new KdTree[groups];
            for (int g = 0; g < groups; g++) {
                byLabel[g] = new KdTree(c, dims, members[g], false);
            }
            int[] counted = java.util.stream.IntStream.range(0, n).filter(i -> !sklearn || size[i] > 1).toArray();
            KdTree all = new KdTree(c, dims, counted, false);
            KdTree[] every = java.util.Arrays.copyOf(byLabel, groups + 1);
            every[groups] = all;
            KnnBlocks.run(parts, parallelism, () -> new Object[] {new KdTree.Query(k, every), new double[dims],
                    new double[squares ? 2 * k + 2 : 0]},
                    (state, p) -> {
                        KdTree.Query q = (KdTree.Query) state[0];
                        double[] r = (double[]) state[1];
                        for (int i = p * PART, e = Math.min(n, i + PART); i < e; i++) {
                            if (size[i] == 1) {
                                continue;
                            }
                            int ki = neighbour(i);
                            byLabel[group[i]].nearest(c, i * dims, i, ki, q);
                            java.util.Arrays.fill(r, squares
                                    ? sklearnRadius(i, q.bestD[ki - 1], members[group[i]], scratchOf(state))
                                    : radius(q.bestD[ki - 1]));
                            int m = all.count(c, i * dims, r, false, q);
                            out[i] = sklearn ? m : m - 1;
                        }
                    });
            return out;
        }

        /** The scan: scratch holds n distances, then k best. */
        private int brute(int i, double[] scratch) {
            for (int j = 0; j < n; j++) {
                double m = 0;
                for (int q = 0; q < dims; q++) {
                    m = Math.max(m, Math.abs(c[j * dims + q] - c[i * dims + q]));
                }
                scratch[j] = m;
            }
            double kth = kthWithinLabel(scratch, n, group, i, neighbour(i), scratch);
            double r = squares ? sklearnRadius(i, kth, null, bruteLabel(i) ? new double[size[i]] : null)
                    : radius(kth);
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (scratch[j] <= r && (!sklearn || size[j] > 1)) {
                    m++;
                }
            }
            return sklearn ? m : m - 1; // JIDT: the point itself is within any ε
        }
    }

    private static double[] scratchOf(Object[] state) {
        return (double[]) state[2];
    }

    /**
     * The largest d ≥ 0 with d·d ≤ r·r as doubles (squares rounded; +∞ when r·r overflows): d·d rounded is monotone
     * in d, so a bisection over the bit patterns finds it. Beyond r only where squares round together or underflow.
     */
    static double squaredBound(double r) {
        double t = r * r;
        if (t == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        if (t >= Double.MIN_NORMAL) {
            // normal squares: the bound is r or a few ulps above it
            double d = Math.abs(r);
            for (double up = Math.nextUp(d); up * up <= t; up = Math.nextUp(d)) {
                d = up;
            }
            return d;
        }
        long lo = Double.doubleToRawLongBits(Math.abs(r)); // lo·lo ≤ t
        long hi = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY); // hi·hi > t
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            double d = Double.longBitsToDouble(mid);
            if (d * d <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Double.longBitsToDouble(lo);
    }

    /** The k-th smallest of dist[0 … n − 1] over the other points of i's group; best[n … n + k − 1] is scratch. */
    private static double kthWithinLabel(double[] dist, int n, int[] group, int i, int k, double[] best) {
        int found = 0;
        for (int j = 0; j < n; j++) {
            if (j == i || group[j] != group[i]) {
                continue;
            }
            double v = dist[j];
            if (found < k || v < best[n + k - 1]) {
                int p = found < k ? found++ : k - 1;
                while (p > 0 && best[n + p - 1] > v) {
                    best[n + p] = best[n + p - 1];
                    p--;
                }
                best[n + p] = v;
            }
        }
        return best[n + k - 1];
    }
}

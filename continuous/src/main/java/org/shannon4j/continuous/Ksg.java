package org.shannon4j.continuous;

import java.util.Objects;

import org.shannon4j.Shannon;
import org.shannon4j.spi.Context;

/**
 * Kraskov–Stögbauer–Grassberger (KSG) mutual information of two continuous variables, algorithm 1 of Kraskov,
 * Stögbauer and Grassberger, "Estimating mutual information", Phys. Rev. E 69, 066138 (2004), for 1-D × 1-D
 * samples. Immutable and thread-safe; built from a handle's context, whose unit and threads it uses:
 *
 * <pre>{@code
 * Ksg ksg = Ksg.of(Shannon.get().context());
 * double mi = ksg.mutualInformation(x, y, 3);               // scikit-learn's _compute_mi_cc(x, y, 3), unclipped
 * double sk = ksg.withScaling(true).withClipAtZero(true)
 *                .mutualInformation(x, y, 3);               // mutual_info_regression's steps without its noise
 * }</pre>
 *
 * <h2>The estimator</h2>
 * For each point i, ε(i) is the max-norm distance max(|x_j − x_i|, |y_j − y_i|) to its k-th nearest other point,
 * n_x(i) and n_y(i) count the other points within ε(i) in each marginal (see {@link KsgConvention} for the exact
 * count, strict "&lt; ε" in both conventions when ε &gt; 0), and
 * <pre>  I = ψ(N) + ψ(k) − ⟨ψ(n_x + 1)⟩ − ⟨ψ(n_y + 1)⟩</pre>
 * in nats (converted to the context's unit at the end), ψ the digamma function (exact, not JIDT's approximation
 * with a truncated Euler constant). The estimate may be negative when X and Y are close to independent; it is
 * returned as is unless {@link #withClipAtZero clipping} is asked for.
 *
 * <h2>scikit-learn</h2>
 * The default ({@link KsgConvention#SKLEARN}, no scaling, no clipping) is scikit-learn 1.2's
 * {@code sklearn.feature_selection._mutual_info._compute_mi_cc(x, y, k)} before its final {@code max(0, mi)},
 * including its treatment of exact duplicates (ε = 0 counts the duplicates). Its public
 * {@code mutual_info_regression(X, y, n_neighbors=k)} adds three steps, two of which are options here:
 * <ul>
 *   <li>{@link #withScaling(boolean)}: {@code scale(·, with_mean=False)}, i.e. x / std(x) and y / std(y)
 *       (population standard deviation; a column of X with std &lt; 10·2⁻⁵² and a target y with std = 0 are
 *       left unscaled, as scikit-learn does).</li>
 *   <li>{@link #withClipAtZero(boolean)}: {@code max(0, mi)}.</li>
 *   <li>The noise 1e-10·max(1, mean|x|)·N(0, 1) it adds to both, from {@code random_state}: not here, where
 *       duplicated values are treated as above instead of being broken apart at random, but in
 *       {@link FeatureScoring#mutualInfoRegression(double[][], double[], int, boolean[], long)} (x as one column),
 *       which draws numpy's normals from an integer seed.</li>
 * </ul>
 *
 * <h2>Speed and threads</h2>
 * The neighbour search is exact whatever the data: ε from vertical strips of about √(k·N) points in x order, each
 * sorted by y, searched out from each point's place (a few strips and ~k points per query on smooth data); the
 * counts by window searches in the sorted marginals, in sorted order. Query points are spread over the context's
 * threads; each count is kept at its point's place, so the result has the same bits for any thread count. In
 * scikit-learn's convention the terms are then scikit-learn's own arithmetic: scipy's ψ ({@code cephes psi}),
 * {@code np.mean} as numpy's pairwise sum over the points in their order, and its order of operations, so the value
 * is {@code _compute_mi_cc}'s to the bit (but where Java's and glibc's logarithms round apart, which the
 * fixtures never hit); Kraskov's sums ψ over a histogram of the counts, compensated.
 *
 * <h2>Bad input</h2>
 * {@link IllegalArgumentException}s naming the argument, index and value: NaN or ±∞ values, arrays of different
 * lengths, k ≤ 0, and N ≤ k points.
 */
public final class Ksg {

    private final Context context;
    private final KsgConvention convention;
    private final boolean scaling;
    private final boolean clipAtZero;

    private Ksg(Context context, KsgConvention convention, boolean scaling, boolean clipAtZero) {
        this.context = context;
        this.convention = convention;
        this.scaling = scaling;
        this.clipAtZero = clipAtZero;
    }

    /**
     * The KSG estimator of a context, with scikit-learn's convention, no scaling and no clipping.
     *
     * @param context a handle's context ({@link Shannon#context()}): its unit and threads are used
     * @return the estimator
     */
    public static Ksg of(Context context) {
        Objects.requireNonNull(context, "context must not be null");
        return new Ksg(context, KsgConvention.SKLEARN, false, false);
    }

    /**
     * The context this estimator was built from.
     *
     * @return the context
     */
    public Context context() {
        return context;
    }

    /**
     * This estimator with another neighbour-count convention.
     *
     * @param convention how marginal neighbours are counted (they differ only at exact duplicates)
     * @return the estimator with that convention
     */
    public Ksg withConvention(KsgConvention convention) {
        Objects.requireNonNull(convention, "convention must not be null");
        return new Ksg(context, convention, scaling, clipAtZero);
    }

    /**
     * This estimator with or without scikit-learn's {@code scale(·, with_mean=False)} of x and y first.
     *
     * @param on whether x and y are divided by their standard deviations first
     * @return the estimator with that setting
     */
    public Ksg withScaling(boolean on) {
        return new Ksg(context, convention, on, clipAtZero);
    }

    /**
     * This estimator with or without scikit-learn's {@code max(0, mi)}.
     *
     * @param on whether negative estimates become 0
     * @return the estimator with that setting
     */
    public Ksg withClipAtZero(boolean on) {
        return new Ksg(context, convention, scaling, on);
    }

    /**
     * The convention of this estimator.
     *
     * @return how marginal neighbours are counted
     */
    public KsgConvention convention() {
        return convention;
    }

    /**
     * KSG (algorithm 1) mutual information I(X; Y) of paired samples, in the context's unit.
     *
     * @param x the first variable's values, finite
     * @param y the second variable's values, finite, {@code y.length == x.length}
     * @param k the neighbour whose distance sets each point's scale, 1 ≤ k &lt; N (scikit-learn's default is 3)
     * @return the estimate, in the context's unit (nats by default); negative values only without clipping
     * @throws IllegalArgumentException on a NaN or infinite value, mismatched lengths, k ≤ 0 or N ≤ k
     */
    public double mutualInformation(double[] x, double[] y, int k) {
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(y, "y must not be null");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x.length = " + x.length + " and y.length = " + y.length
                    + ": the samples must be paired");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + ": must be >= 1");
        }
        if (x.length <= k) {
            throw new IllegalArgumentException("x.length = " + x.length + " points for k = " + k
                    + ": KSG needs more than k points");
        }
        Samples.checkFinite("x", x);
        Samples.checkFinite("y", y);
        if (scaling) {
            x = divide(x, scaleOf("x", x, SCALE_FLOOR_FEATURE));
            y = divide(y, scaleOf("y", y, 0.0));
        }
        int n = x.length;
        KsgSearch search = new KsgSearch(x, y, k, context.parallelism(), context.kernels());
        double mi;
        if (convention == KsgConvention.SKLEARN) {
            // _compute_mi_cc's own arithmetic: scipy's ψ, numpy's pairwise means, its order of operations
            double[] means = search.sklearnMeans(context.parallelism());
            mi = Digamma.scipy(n) + Digamma.scipy(k) - means[0] - means[1];
        } else {
            double[] sums = search.sums(convention, context.parallelism());
            mi = Digamma.of(n) + Digamma.of(k) - sums[0] / n - sums[1] / n;
        }
        if (clipAtZero) {
            mi = Math.max(0.0, mi);
        }
        return context.unit().fromNats(mi);
    }

    /** scikit-learn's {@code _handle_zeros_in_scale} for a column of X: std &lt; 10·eps counts as constant. */
    private static final double SCALE_FLOOR_FEATURE = 10 * Math.ulp(1.0);

    /**
     * numpy's population standard deviation √(Σ(v − mean)²/N) to the bit (numpy's pairwise sums, as
     * {@link FeatureScoring} computes it: a compensated sum is an ulp away at times, and an ulp in the scale moves
     * tied differences across the nextafter(ε, 0) radius), or 1 when it is not above {@code floor} (0 for
     * scikit-learn's 1-D target, whose rule is "std == 0"; 10·eps for a column of X). A NaN standard deviation
     * (overflow) is an error naming {@code name}'s largest value.
     */
    static double scaleOf(String name, double[] v, double floor) {
        double std = FeatureScoring.numpyStd(name, v);
        return floor == 0 ? (std == 0 ? 1.0 : std) : (std < floor ? 1.0 : std);
    }

    private static double[] divide(double[] v, double s) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / s;
        }
        return out;
    }

    /**
     * The multivariate and conditional KSG estimator (JIDT's algorithm 1 or 2) on this estimator's context; the
     * convention, scaling and clipping set here do not apply to it.
     *
     * @param algorithm KSG algorithm 1 or 2
     * @return the estimator
     */
    public MultivariateKsg multivariate(KsgAlgorithm algorithm) {
        return new MultivariateKsg(context, algorithm, 0, 0, false);
    }

    /**
     * parmigene's {@code knnmi(x, y, k, noise)}: its standardisation, its seeded noise and KSG algorithm 2, so that
     * its values (noise = 1e-12 by default there) are reproduced; this estimator's convention, scaling and clipping
     * do not apply.
     *
     * @param x     the first variable's values, finite
     * @param y     the second's, {@code y.length == x.length}
     * @param k     the number of neighbours, 2 ≤ k &lt; N (parmigene's default is 3)
     * @param noise the noise amplitude (parmigene's default 1e-12; 0 for none)
     * @return the estimate in the context's unit
     * @throws IllegalArgumentException on NaN/±∞, mismatched lengths, k &lt; 2, N ≤ k or a bad noise
     */
    public double parmigeneKnnmi(double[] x, double[] y, int k, double noise) {
        return Parmigene.knnmi(context, x, y, k, noise);
    }
}

package org.shannon4j.continuous;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.shannon4j.spi.Context;
import org.shannon4j.spi.NumpySums;

/**
 * scikit-learn 1.2's {@code mutual_info_regression} and {@code mutual_info_classif}: the mutual information between
 * each column of X and a target, clipped at 0, in the context's unit. Immutable and thread-safe:
 *
 * <pre>{@code
 * FeatureScoring fs = FeatureScoring.of(Shannon.get().context());
 * double[] r = fs.mutualInfoRegression(X, y, 3);   // mutual_info_regression(X, y) without its noise
 * double[] c = fs.mutualInfoClassif(X, labels, 3); // mutual_info_classif(X, labels) without its noise
 * double[] s = fs.mutualInfoRegression(X, y, 3, null, 0); // mutual_info_regression(X, y, random_state=0)
 * }</pre>
 *
 * <p>The steps are scikit-learn's: continuous columns are divided by their population standard deviation (one below
 * 10·2⁻⁵² counts as 1) and a continuous target by its own (0 counts as 1); then the noise (below); then per column
 * {@code _compute_mi_cc} ({@link Ksg}, continuous × continuous), {@code _compute_mi_cd} ({@link KsgMixed},
 * continuous × discrete, whichever side is discrete) or, for a discrete column against discrete labels,
 * {@code mutual_info_score} (the plug-in MI of the contingency table); each clipped at 0. scikit-learn 1.2 writes
 * the scaled columns back into a copy of X, so with an integer-dtype X they are truncated to integers: its values
 * match this class's only for a float X ({@code mutual_info_regression(X.astype(float), y)}).
 *
 * <h2>Noise</h2>
 * scikit-learn adds {@code 1e-10 · max(1, mean|v|) · g} to every scaled continuous column v (and to a continuous
 * target), g from {@code check_random_state(random_state).standard_normal}: first an N × (continuous columns) array,
 * then, for regression, N values for y. With an integer {@code random_state}, the overloads taking a
 * {@code long randomState} draw them as {@code np.random.RandomState(randomState)} does (MT19937 and the polar
 * method; numpy's normals to the bit except about one in 3,000 where glibc's {@code log} rounds the other way, one or
 * two ulps that the 1e-10 scale puts far below the values' last bit: numpy's own normals passed in give the same
 * bits). Otherwise the caller may pass standard normals of its own (e.g.
 * {@code RandomState(seed).standard_normal((n, p))}); null leaves the noise out, as does the three-argument form.
 * {@code random_state=None} (scikit-learn's default) draws from numpy's global generator, whose state is not known
 * here.
 *
 * <p>With or without the noise, the scores are scikit-learn's to the bit: its neighbour counts, and its arithmetic
 * after them (scipy's ψ, numpy's pairwise means, {@code mutual_info_score}'s terms in the order of scipy's sparse
 * {@code find}); 26,843 scores on generated and edge-case data (n from 3 to 20,000, ties, constant and discrete
 * columns, extreme scales, four seeds) agreed bit for bit on both backends and any thread count. Only a ψ argument
 * where Java's and glibc's logarithms round apart (54 of the integers up to 2·10⁶, the first 9,170) could move a
 * last bit.
 *
 * <p>Discrete columns are the {@code discrete_features} mask (null: none); a discrete column's distinct values
 * are its labels, as {@code np.unique} makes them.
 */
public final class FeatureScoring {

    private static final double SCALE_FLOOR_FEATURE = 10 * Math.ulp(1.0);

    private final Context context;

    private FeatureScoring(Context context) {
        this.context = context;
    }

    /**
     * The scorer of a context.
     *
     * @param context a handle's context: its unit and threads are used
     * @return the scorer
     */
    public static FeatureScoring of(Context context) {
        return new FeatureScoring(Objects.requireNonNull(context, "context must not be null"));
    }

    /**
     * {@code mutual_info_regression(X, y, n_neighbors=k)} with continuous columns and no noise.
     *
     * @param x N × p features, finite
     * @param y N target values, finite
     * @param k the neighbours, 1 ≤ k &lt; N
     * @return p scores, ≥ 0
     */
    public double[] mutualInfoRegression(double[][] x, double[] y, int k) {
        return mutualInfoRegression(x, y, k, null, null, null);
    }

    /**
     * {@code mutual_info_regression(X, y, discrete_features=discrete, n_neighbors=k, random_state=…)}.
     *
     * @param x        N × p features, finite
     * @param y        N target values, finite
     * @param k        the neighbours, 1 ≤ k &lt; N
     * @param discrete which columns are discrete, or null for none
     * @param xNoise   N × (continuous columns) standard normals as scikit-learn draws them, or null for no noise
     * @param yNoise   N standard normals drawn after xNoise, or null (both null or both given)
     * @return p scores, ≥ 0
     */
    public double[] mutualInfoRegression(double[][] x, double[] y, int k, boolean[] discrete, double[][] xNoise,
            double[] yNoise) {
        Objects.requireNonNull(y, "y must not be null");
        checkK(k);
        double[][] cols = columns(x, y.length, discrete);
        Samples.rows("y", y, 1);
        if ((xNoise == null) != (yNoise == null)) {
            throw new IllegalArgumentException("xNoise and yNoise: give both or neither");
        }
        boolean[] disc = mask(discrete, cols.length);
        double[] flat = flatNoise(xNoise, y.length, continuous(disc));
        if (yNoise != null) {
            checkNoise("yNoise", yNoise, y.length);
        }
        return regression(cols, disc, flat, y, yNoise, k);
    }

    /**
     * {@code mutual_info_regression(X, y, discrete_features=discrete, n_neighbors=k, random_state=randomState)}
     * with an integer {@code random_state}: the noise drawn from {@code np.random.RandomState(randomState)} as
     * scikit-learn draws it (N × continuous columns, then N for y; see the class comment for the last bit).
     *
     * @param x           N × p features, finite
     * @param y           N target values, finite
     * @param k           the neighbours, 1 ≤ k &lt; N
     * @param discrete    which columns are discrete, or null for none
     * @param randomState numpy's seed, 0 ≤ randomState ≤ 2³² − 1
     * @return p scores, ≥ 0
     */
    public double[] mutualInfoRegression(double[][] x, double[] y, int k, boolean[] discrete, long randomState) {
        NumpyRandomState rng = new NumpyRandomState(randomState);
        Objects.requireNonNull(y, "y must not be null");
        checkK(k);
        double[][] cols = columns(x, y.length, discrete);
        Samples.rows("y", y, 1);
        boolean[] disc = mask(discrete, cols.length);
        int continuous = continuous(disc);
        double[] flat = new double[Math.multiplyExact(y.length, continuous)];
        // scikit-learn draws X's noise only when it has a continuous column; y's always comes next
        rng.standardNormal(flat);
        double[] yNoise = new double[y.length];
        rng.standardNormal(yNoise);
        return regression(cols, disc, flat, y, yNoise, k);
    }

    private double[] regression(double[][] cols, boolean[] disc, double[] xNoise, double[] y, double[] yNoise,
                                int k) {
        prepare(cols, disc, xNoise);
        double std = numpyStd("y", y);
        double[] ys = divided(y, std == 0 ? 1.0 : std);
        if (yNoise != null) {
            addNoise(ys, yNoise);
        }
        Ksg cc = Ksg.of(context).withClipAtZero(true);
        KsgMixed cd = KsgMixed.of(context).withClipAtZero(true);
        double[] out = new double[cols.length];
        for (int j = 0; j < cols.length; j++) {
            if (disc[j]) {
                int[] labels = labels(cols[j]);
                checkRepeatedLabel(labels, "x column " + j + " (discrete)");
                out[j] = cd.mutualInformation(ys, labels, k);
            } else {
                out[j] = cc.mutualInformation(cols[j], ys, k);
            }
        }
        return out;
    }

    /**
     * {@code mutual_info_classif(X, y, n_neighbors=k)} with continuous columns and no noise.
     *
     * @param x N × p features, finite
     * @param y N labels
     * @param k the neighbours, ≥ 1
     * @return p scores, ≥ 0
     */
    public double[] mutualInfoClassif(double[][] x, int[] y, int k) {
        return mutualInfoClassif(x, y, k, null, null);
    }

    /**
     * {@code mutual_info_classif(X, y, discrete_features=discrete, n_neighbors=k, random_state=…)}.
     *
     * @param x        N × p features, finite
     * @param y        N labels
     * @param k        the neighbours, ≥ 1
     * @param discrete which columns are discrete, or null for none
     * @param xNoise   N × (continuous columns) standard normals as scikit-learn draws them, or null for no noise
     * @return p scores, ≥ 0
     */
    public double[] mutualInfoClassif(double[][] x, int[] y, int k, boolean[] discrete, double[][] xNoise) {
        Objects.requireNonNull(y, "y must not be null");
        checkK(k);
        double[][] cols = columns(x, y.length, discrete);
        boolean[] disc = mask(discrete, cols.length);
        return classif(cols, disc, flatNoise(xNoise, y.length, continuous(disc)), y, k);
    }

    /**
     * {@code mutual_info_classif(X, y, discrete_features=discrete, n_neighbors=k, random_state=randomState)} with
     * an integer {@code random_state}: the noise drawn from {@code np.random.RandomState(randomState)} as
     * scikit-learn draws it (N × continuous columns; see the class comment for the last bit).
     *
     * @param x           N × p features, finite
     * @param y           N labels
     * @param k           the neighbours, ≥ 1
     * @param discrete    which columns are discrete, or null for none
     * @param randomState numpy's seed, 0 ≤ randomState ≤ 2³² − 1
     * @return p scores, ≥ 0
     */
    public double[] mutualInfoClassif(double[][] x, int[] y, int k, boolean[] discrete, long randomState) {
        NumpyRandomState rng = new NumpyRandomState(randomState);
        Objects.requireNonNull(y, "y must not be null");
        checkK(k);
        double[][] cols = columns(x, y.length, discrete);
        boolean[] disc = mask(discrete, cols.length);
        double[] flat = new double[Math.multiplyExact(y.length, continuous(disc))];
        rng.standardNormal(flat);
        return classif(cols, disc, flat, y, k);
    }

    private double[] classif(double[][] cols, boolean[] disc, double[] xNoise, int[] y, int k) {
        prepare(cols, disc, xNoise);
        if (continuous(disc) > 0) {
            checkRepeatedLabel(y, "y");
        }
        KsgMixed cd = KsgMixed.of(context).withClipAtZero(true);
        double[] out = new double[cols.length];
        for (int j = 0; j < cols.length; j++) {
            out[j] = disc[j] ? context.unit().fromNats(contingencyMi(cols[j], y))
                    : cd.mutualInformation(cols[j], y, k);
        }
        return out;
    }

    /** Columns of x (copied), after checking the shape against n samples. */
    private static double[][] columns(double[][] x, int n, boolean[] discrete) {
        double[] flat = Samples.flatten("x", x);
        Samples.checkSameLength("x", x.length, "y", n);
        int p = x[0].length;
        if (discrete != null && discrete.length != p) {
            throw new IllegalArgumentException("discrete.length = " + discrete.length + " but x has " + p
                    + " columns");
        }
        double[][] cols = new double[p][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                cols[j][i] = flat[i * p + j];
            }
        }
        return cols;
    }

    private static boolean[] mask(boolean[] discrete, int p) {
        return discrete == null ? new boolean[p] : discrete.clone();
    }

    private static int continuous(boolean[] disc) {
        int continuous = 0;
        for (boolean b : disc) {
            continuous += b ? 0 : 1;
        }
        return continuous;
    }

    /** The caller's N × continuous noise, checked, in row-major order (as drawn), or null. */
    private static double[] flatNoise(double[][] xNoise, int n, int continuous) {
        if (xNoise == null) {
            return null;
        }
        if (xNoise.length != n) {
            throw new IllegalArgumentException("xNoise.length = " + xNoise.length + " but x has " + n + " rows");
        }
        double[] flat = new double[Math.multiplyExact(n, continuous)];
        for (int i = 0; i < n; i++) {
            if (xNoise[i] == null || xNoise[i].length != continuous) {
                throw new IllegalArgumentException("xNoise[" + i + "].length = "
                        + (xNoise[i] == null ? "null" : xNoise[i].length) + " but x has " + continuous
                        + " continuous columns");
            }
            for (int q = 0; q < continuous; q++) {
                if (!Double.isFinite(xNoise[i][q])) {
                    throw new IllegalArgumentException("xNoise[" + i + "][" + q + "] = " + xNoise[i][q]
                            + ": noise must be finite");
                }
            }
            System.arraycopy(xNoise[i], 0, flat, i * continuous, continuous);
        }
        return flat;
    }

    /**
     * Scales the continuous columns in place and adds their noise: {@code xNoise} (or null) holds N × continuous
     * normals in row-major order, the q-th continuous column's in every q-th place.
     */
    private static void prepare(double[][] cols, boolean[] disc, double[] xNoise) {
        int continuous = continuous(disc);
        int n = cols.length == 0 ? 0 : cols[0].length;
        for (int j = 0, q = 0; j < cols.length; j++) {
            if (disc[j]) {
                continue;
            }
            double std = numpyStd("x column " + j, "x[%d][" + j + "]", cols[j]);
            cols[j] = divided(cols[j], std < SCALE_FLOOR_FEATURE ? 1.0 : std);
            if (xNoise != null) {
                double[] g = new double[n];
                for (int i = 0; i < n; i++) {
                    g[i] = xNoise[i * continuous + q];
                }
                addNoise(cols[j], g);
            }
            q++;
        }
    }

    /**
     * numpy's population standard deviation to the bit, summed pairwise as numpy does along a contiguous axis: y is
     * 1-D, and scikit-learn's {@code X[:, continuous_mask]} is a column-major copy whatever X's layout, so each
     * column is contiguous too. (A compensated sum is more accurate but an ulp away at times, and an ulp in the
     * scale moves tied differences across the nextafter(ε, 0) radius; a row-major X reduced along axis 0 would
     * be summed plainly instead, which this is not.)
     */
    static double numpyStd(double[] v) {
        return NumpySums.populationStd(v);
    }

    /**
     * {@link #numpyStd(double[])} of the caller's values named {@code name}; NaN (their sum or squares overflow
     * to ∞ − ∞, where scikit-learn then rejects the scaled values as NaN) is an error naming the largest value. An
     * infinite standard deviation is scikit-learn's too: the values scale to zeros.
     */
    static double numpyStd(String name, double[] v) {
        return numpyStd(name, name + "[%d]", v);
    }

    /**
     * As {@link #numpyStd(String, double[])}, for values named {@code name} whose element i is named
     * {@code String.format(element, i)} (a column of X: "x column 2", "x[%d][2]").
     */
    static double numpyStd(String name, String element, double[] v) {
        double std = NumpySums.populationStd(v);
        if (Double.isNaN(std)) {
            int at = Samples.largestMagnitude(v);
            throw new IllegalArgumentException(String.format(element, at) + " = " + v[at]
                    + ": the standard deviation of " + name + " overflows to NaN (so scikit-learn's scaled values"
                    + " are NaN): scale the values down");
        }
        return std;
    }

    private static double[] divided(double[] v, double s) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / s;
        }
        return out;
    }

    /** k ≥ 1 even when every column is discrete (scikit-learn does not check it then; its k-NN paths do). */
    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + ": must be >= 1");
        }
    }

    private static void checkNoise(String name, double[] g, int n) {
        if (g.length != n) {
            throw new IllegalArgumentException(name + ".length = " + g.length + " but there are " + n + " samples");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(g[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + g[i] + ": noise must be finite");
            }
        }
    }

    /**
     * Rejects labels that all occur once, naming them as the caller knows them (scikit-learn's {@code _compute_mi_cd}
     * keeps only points whose label repeats, and fails on none).
     */
    private static void checkRepeatedLabel(int[] labels, String name) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int label : labels) {
            if (seen.merge(label, 1, Integer::sum) > 1) {
                return;
            }
        }
        throw new IllegalArgumentException(name + ": every one of the " + labels.length + " values occurs once, so no "
                + "point has a neighbour with the same discrete value (scikit-learn fails too)");
    }

    /** v += 1e-10 · max(1, mean|v|) · g, the mean summed as numpy does. */
    private static void addNoise(double[] v, double[] g) {
        double[] abs = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            abs[i] = Math.abs(v[i]);
        }
        double amplitude = 1e-10 * Math.max(1.0, NumpySums.pairwiseSum(abs, 0, v.length) / v.length);
        for (int i = 0; i < v.length; i++) {
            v[i] += amplitude * g[i];
        }
    }

    /** np.unique-style labels of a discrete column: equal doubles share a label. */
    private static int[] labels(double[] v) {
        Map<Double, Integer> ids = new HashMap<>();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            double key = v[i] == 0 ? 0.0 : v[i]; // −0 and 0 are one value to np.unique
            out[i] = ids.computeIfAbsent(key, z -> ids.size());
        }
        return out;
    }

    /**
     * scikit-learn's {@code mutual_info_score(a, b)} in its own arithmetic, in nats: the contingency table's non-zero
     * cells in the order of scipy's {@code find} (column-major: by the sorted distinct b, then the sorted distinct
     * a), each term
     * {@code n/N·(ln n − ln N) + n/N·((−ln(n_a·n_b) + ln N) + ln N)}, terms below machine epsilon in magnitude set
     * to 0, numpy's pairwise sum, clipped at 0; 0 when either side has one value.
     */
    static double contingencyMi(double[] a, int[] b) {
        int n = a.length;
        double[] va = a.clone();
        for (int i = 0; i < n; i++) {
            va[i] = va[i] == 0 ? 0.0 : va[i]; // −0 and 0 are one value to np.unique
        }
        double[] da = distinct(va);
        int[] db = Arrays.stream(b).sorted().distinct().toArray();
        if (da.length == 1 || db.length == 1) {
            return 0.0;
        }
        long[] keys = new long[n];
        long[] rows = new long[da.length];
        long[] cols = new long[db.length];
        for (int i = 0; i < n; i++) {
            int r = Arrays.binarySearch(da, va[i]);
            int c = Arrays.binarySearch(db, b[i]);
            rows[r]++;
            cols[c]++;
            keys[i] = (long) c * da.length + r;
        }
        Arrays.sort(keys);
        double logN = Math.log(n);
        double[] terms = new double[n];
        int cells = 0;
        for (int i = 0; i < n; ) {
            int e = i + 1;
            while (e < n && keys[e] == keys[i]) {
                e++;
            }
            long count = e - i;
            double share = count / (double) n;
            long outer = rows[(int) (keys[i] % da.length)] * cols[(int) (keys[i] / da.length)];
            double logOuter = -Math.log((double) outer) + logN + logN;
            double term = share * (Math.log(count) - logN) + share * logOuter;
            terms[cells++] = Math.abs(term) < Math.ulp(1.0) ? 0.0 : term;
            i = e;
        }
        return Math.max(0.0, NumpySums.pairwiseSum(terms, 0, cells));
    }

    private static double[] distinct(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (m == 0 || s[i] != s[m - 1]) {
                s[m++] = s[i];
            }
        }
        return Arrays.copyOf(s, m);
    }
}

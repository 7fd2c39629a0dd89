package org.shannon4j.continuous;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.shannon4j.spi.Context;

/**
 * Mutual information between a continuous variable (any dimension, max-norm) and a discrete one, by Ross's k-NN
 * estimator (B. C. Ross, "Mutual information between discrete and continuous data sets", PLoS ONE 9(2), 2014), in
 * scikit-learn's or JIDT's form ({@link MixedConvention}). Immutable and thread-safe:
 *
 * <pre>{@code
 * double mi = KsgMixed.of(Shannon.get().context()).mutualInformation(values, labels, 3);  // sklearn's _compute_mi_cd
 * }</pre>
 *
 * <p>The estimate is in the context's unit and may be negative (scikit-learn clips it at 0: {@link #withClipAtZero}).
 * The neighbour search is exact brute force, O(N²·d). Bad input ({@link IllegalArgumentException} naming argument,
 * index and value): NaN/±∞, mismatched lengths, k ≤ 0, too few points (scikit-learn: no label occurring twice;
 * JIDT: a label occurring k times or fewer).
 */
public final class KsgMixed {

    private final Context context;
    private final MixedConvention convention;
    private final boolean clipAtZero;

    private KsgMixed(Context context, MixedConvention convention, boolean clipAtZero) {
        this.context = context;
        this.convention = convention;
        this.clipAtZero = clipAtZero;
    }

    /**
     * The estimator of a context, in scikit-learn's convention, unclipped.
     *
     * @param context a handle's context: its unit is used
     * @return the estimator
     */
    public static KsgMixed of(Context context) {
        return new KsgMixed(Objects.requireNonNull(context, "context must not be null"), MixedConvention.SKLEARN,
                false);
    }

    /**
     * This estimator with another convention.
     *
     * @param convention scikit-learn's or JIDT's
     * @return the estimator with that convention
     */
    public KsgMixed withConvention(MixedConvention convention) {
        return new KsgMixed(context, Objects.requireNonNull(convention, "convention must not be null"), clipAtZero);
    }

    /**
     * This estimator with or without scikit-learn's {@code max(0, mi)}.
     *
     * @param on whether negative estimates become 0
     * @return the estimator with that setting
     */
    public KsgMixed withClipAtZero(boolean on) {
        return new KsgMixed(context, convention, on);
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

    private static double sklearn(double[] c, int dims, int n, int[] d, int k, Map<Integer, Integer> counts) {
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
        double[] dist = new double[n];
        double[] nearest = new double[k];
        MultivariateKsg.Sum ks = new MultivariateKsg.Sum();
        MultivariateKsg.Sum labels = new MultivariateKsg.Sum();
        MultivariateKsg.Sum ms = new MultivariateKsg.Sum();
        for (int i = 0; i < n; i++) {
            int nc = counts.get(d[i]);
            if (nc == 1) {
                continue;
            }
            int ki = Math.min(k, nc - 1);
            distances(c, dims, n, i, dist);
            double eps = kthWithinLabel(dist, d, i, ki, nearest);
            double r = eps > 0 ? Math.nextDown(eps) : 0.0;
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (dist[j] <= r && counts.get(d[j]) > 1) {
                    m++;
                }
            }
            ks.add(Digamma.of(ki));
            labels.add(Digamma.of(nc));
            ms.add(Digamma.of(m));
        }
        return Digamma.of(kept) + ks.value() / kept - labels.value() / kept - ms.value() / kept;
    }

    private static double jidt(double[] c, int dims, int n, int[] d, int k, Map<Integer, Integer> counts) {
        for (int i = 0; i < n; i++) {
            if (counts.get(d[i]) <= k) {
                throw new IllegalArgumentException("d[" + i + "] = " + d[i] + " occurs " + counts.get(d[i])
                        + " times: JIDT's estimator needs every label more than k = " + k + " times");
            }
        }
        double[] dist = new double[n];
        double[] nearest = new double[k];
        MultivariateKsg.Sum s = new MultivariateKsg.Sum();
        for (int i = 0; i < n; i++) {
            distances(c, dims, n, i, dist);
            double eps = kthWithinLabel(dist, d, i, k, nearest);
            int nx = -1; // the point itself is within any ε
            for (int j = 0; j < n; j++) {
                if (dist[j] <= eps) {
                    nx++;
                }
            }
            s.add(Digamma.of(nx) + Digamma.of(counts.get(d[i]) - 1));
        }
        return Digamma.of(k) + Digamma.of(n) - s.value() / n;
    }

    /** The k-th smallest distance from i to another point of its label. */
    private static double kthWithinLabel(double[] dist, int[] d, int i, int k, double[] best) {
        int found = 0;
        for (int j = 0; j < dist.length; j++) {
            if (j == i || d[j] != d[i]) {
                continue;
            }
            double v = dist[j];
            if (found < k || v < best[k - 1]) {
                int p = found < k ? found++ : k - 1;
                while (p > 0 && best[p - 1] > v) {
                    best[p] = best[p - 1];
                    p--;
                }
                best[p] = v;
            }
        }
        return best[k - 1];
    }

    private static void distances(double[] c, int dims, int n, int i, double[] out) {
        for (int j = 0; j < n; j++) {
            double m = 0;
            for (int q = 0; q < dims; q++) {
                m = Math.max(m, Math.abs(c[j * dims + q] - c[i * dims + q]));
            }
            out[j] = m;
        }
    }
}

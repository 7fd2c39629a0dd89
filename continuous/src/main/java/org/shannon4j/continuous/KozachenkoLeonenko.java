package org.shannon4j.continuous;

import java.util.Objects;

import org.shannon4j.spi.Context;

/**
 * Kozachenko–Leonenko k-nearest-neighbour estimate of differential entropy (Kozachenko and Leonenko 1987; the
 * k-NN form of Kraskov et al. 2004, eq. 20):
 * <pre>  H = ψ(N) − ψ(k) + ln V_d + (d/N) Σᵢ ln εᵢ</pre>
 * with εᵢ the distance from sample i to its k-th nearest other sample and V_d the volume of the norm's unit ball
 * ({@link KnnNorm#logUnitBallVolume}). With the Euclidean norm this is R FNN's {@code entropy(X, k)} (its k-th
 * element; FNN takes ln εᵢ as ln(εᵢ²)/2 from squared distances, as here). In the context's unit (nats by
 * default); the estimate of a density, so it may be negative. Immutable and thread-safe:
 *
 * <pre>{@code
 * double h = KozachenkoLeonenko.of(Shannon.get().context()).entropy(x, 3);   // x: N × d, Euclidean
 * }</pre>
 *
 * <p>Exact duplicates make some εᵢ = 0 and the estimate −∞: they are reported as an
 * {@link IllegalArgumentException} naming the sample instead. Euclidean distances are compared squared; where a
 * square would overflow (distances beyond 1.3e154) or underflow (below 1.5e-154), the samples are first scaled by
 * a power of two, exactly, and the estimate shifted back. The search is exact, over the context's threads: a
 * k-d tree when N ≥ max(128, 64·d) and d ≤ 16, else brute force, O(N²·d), with the same bits; the sum is compensated and in
 * a fixed order (the same bits for any thread count).
 */
public final class KozachenkoLeonenko {

    private final Context context;
    private final KnnNorm norm;

    private KozachenkoLeonenko(Context context, KnnNorm norm) {
        this.context = context;
        this.norm = norm;
    }

    /**
     * The estimator of a context, with the Euclidean norm.
     *
     * @param context a handle's context: its unit and threads are used
     * @return the estimator
     */
    public static KozachenkoLeonenko of(Context context) {
        Objects.requireNonNull(context, "context must not be null");
        return new KozachenkoLeonenko(context, KnnNorm.EUCLIDEAN);
    }

    /**
     * This estimator with another norm.
     *
     * @param norm the distance (and unit ball) to use
     * @return the estimator with that norm
     */
    public KozachenkoLeonenko withNorm(KnnNorm norm) {
        return new KozachenkoLeonenko(context, Objects.requireNonNull(norm, "norm must not be null"));
    }

    /**
     * Differential entropy of samples given as rows.
     *
     * @param x N × d samples, finite, no sample with k or more exact duplicates
     * @param k the neighbour, 1 ≤ k &lt; N
     * @return the estimate in the context's unit
     * @throws IllegalArgumentException on NaN/±∞, ragged rows, k ≤ 0, N ≤ k or a zero k-NN distance
     */
    public double entropy(double[][] x, int k) {
        double[] flat = Samples.flatten("x", x);
        return estimate(flat, x[0].length, x.length, k);
    }

    /**
     * Differential entropy of samples given as a row-major array.
     *
     * @param x N · d values, sample i in {@code x[i·d … i·d + d − 1]}
     * @param d the dimension, ≥ 1
     * @param k the neighbour, 1 ≤ k &lt; N
     * @return the estimate in the context's unit
     * @throws IllegalArgumentException on bad input (see {@link #entropy(double[][], int)})
     */
    public double entropy(double[] x, int d, int k) {
        int n = Samples.rows("x", x, d);
        return estimate(x, d, n, k);
    }

    /**
     * Differential entropy of a 1-D sample.
     *
     * @param x N values
     * @param k the neighbour, 1 ≤ k &lt; N
     * @return the estimate in the context's unit
     * @throws IllegalArgumentException on bad input (see {@link #entropy(double[][], int)})
     */
    public double entropy(double[] x, int k) {
        return entropy(x, 1, k);
    }

    private double estimate(double[] x, int d, int n, int k) {
        Samples.checkK(k, n, "x");
        boolean euclidean = norm == KnnNorm.EUCLIDEAN;
        double[] eps = new KnnBlocks(new double[][] {x}, new int[] {d}, n, k)
                .kthDistances(euclidean, context.parallelism());
        int shift = 0;
        if (euclidean && !allNormalSquares(eps)) {
            // squared distances beyond 1.3e154 overflow and below 1.5e-154 underflow: the samples scaled by a power of
            // two (exact) so that the largest |value| is near 1, and the entropy moved back by d·shift·ln 2
            double max = 0;
            for (double v : x) {
                max = Math.max(max, Math.abs(v));
            }
            shift = Math.getExponent(max);
            double[] scaled = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                scaled[i] = Math.scalb(x[i], -shift);
            }
            eps = new KnnBlocks(new double[][] {scaled}, new int[] {d}, n, k)
                    .kthDistances(true, context.parallelism());
        }
        MultivariateKsg.Sum logs = new MultivariateKsg.Sum();
        for (int i = 0; i < n; i++) {
            if (eps[i] == 0) {
                throw new IllegalArgumentException("x sample " + i + " has " + k
                        + " or more exact duplicates: its k-th neighbour distance is 0 and the estimate -infinity");
            }
            logs.add(euclidean ? 0.5 * Math.log(eps[i]) : Math.log(eps[i]));
        }
        double h = Digamma.of(n) - Digamma.of(k) + norm.logUnitBallVolume(d) + d * (logs.value() / n)
                + d * shift * LN2;
        return context.unit().fromNats(h);
    }

    private static final double LN2 = Math.log(2);

    /** Whether every squared distance is normal (none underflowed or overflowed, none 0). */
    private static boolean allNormalSquares(double[] eps) {
        for (double e : eps) {
            if (!(e >= Double.MIN_NORMAL && e <= Double.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }
}

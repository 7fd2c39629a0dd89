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
 * {@link IllegalArgumentException} naming the sample instead. Euclidean distances are compared squared, as FNN
 * does; where a point's k-th square would overflow (distances beyond 1.3e154) or underflow (below 1.5e-154), its
 * distance is measured at its own scale (its neighbours' differences scaled by a power of two, exactly), so data
 * of extreme scales, or mixing large values with small distances, keep every bit FNN's squares lose (FNN gives −∞
 * or a wrong value there) and the searches keep pruning. The search is exact, over the context's threads: a k-d
 * tree when N ≥ max(128, 64·d) and d ≤ 16, else brute force, O(N²·d), with the same bits; the sum is compensated
 * and in a fixed order (the same bits for any thread count).
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
        KnnBlocks blocks = new KnnBlocks(new double[][] {x}, new int[] {d}, n, k);
        double[] logs;
        if (euclidean && extremeScale(x)) {
            logs = euclideanLogsAtEachScale(x, d, n, k, blocks.kthDistances(false, context.parallelism()));
        } else {
            // squares (Euclidean) of differences of values in [2^-457, 2^500] in magnitude, or 0, are normal or 0
            double[] eps = blocks.kthDistances(euclidean, context.parallelism());
            logs = new double[n];
            for (int i = 0; i < n; i++) {
                logs[i] = euclidean ? 0.5 * Math.log(eps[i]) : Math.log(eps[i]);
            }
        }
        MultivariateKsg.Sum sum = new MultivariateKsg.Sum();
        for (int i = 0; i < n; i++) {
            if (logs[i] == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("x sample " + i + " has " + k
                        + " or more exact duplicates: its k-th neighbour distance is 0 and the estimate -infinity");
            }
            sum.add(logs[i]);
        }
        double h = Digamma.of(n) - Digamma.of(k) + norm.logUnitBallVolume(d) + d * (sum.value() / n);
        return context.unit().fromNats(h);
    }

    private static final double LN2 = Math.log(2);
    /** A k-th max-norm distance in [SAFE_LOW, SAFE_HIGH] has a normal squared Euclidean one (d ≤ 2^20). */
    private static final double SAFE_LOW = 0x1p-510;
    private static final double SAFE_HIGH = 0x1p500;

    /**
     * Whether a squared difference of two values could leave the normal doubles: only with a nonzero value below
     * 2^-457 in magnitude (distinct values above it differ by at least its ulp, 2^-509) or one above 2^500. The
     * searches compare squares, and where many of them are 0 or ∞ nothing can be pruned: quadratic time.
     */
    private static boolean extremeScale(double[] x) {
        for (double v : x) {
            double a = Math.abs(v);
            if (a > SAFE_HIGH || a < 0x1p-457 && a != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * ln ε of every point, Euclidean, for data of extreme scales. Each point's k-th max-norm distance m (exact, no
     * squares; 0 means k exact duplicates, ln ε = −∞) bounds its k-th Euclidean distance to [m, √d·m]. Where m is
     * in [2^-510, 2^500] the squared search runs as for other data (the same bits), its k-th square normal, so it
     * prunes. Otherwise the point takes its distance at its own scale: its k nearest lie in the box of half-width
     * √d·m around it, their differences scaled by 2^−e (e the exponent of m; exact) have squares near 1, and
     * ln ε = ln(S_k)/2 + e·ln 2 with S_k the k-th smallest scaled sum of squares in the box.
     */
    private double[] euclideanLogsAtEachScale(double[] x, int d, int n, int k, double[] m) {
        KdTree squares = new KdTree(x, d, null, true);
        KdTree boxes = new KdTree(x, d, null, false);
        double reach = Math.sqrt(d) * (1 + 0x1p-20);
        double[] out = new double[n];
        int part = 256;
        KnnBlocks.run(Math.ceilDiv(n, part), context.parallelism(),
                () -> new Object[] {new KdTree.Query(k, squares, boxes), new int[][] {new int[16]}, new double[16],
                    new double[d]},
                (state, p) -> {
                    KdTree.Query query = (KdTree.Query) state[0];
                    int[][] rows = (int[][]) state[1];
                    for (int i = p * part, end = Math.min(n, i + part); i < end; i++) {
                        if (m[i] == 0) {
                            out[i] = Double.NEGATIVE_INFINITY;
                        } else if (m[i] >= SAFE_LOW && m[i] <= SAFE_HIGH) {
                            squares.nearest(x, i * d, i, k, query);
                            out[i] = 0.5 * Math.log(query.bestD[k - 1]);
                        } else {
                            int e = m[i] >= Double.MIN_NORMAL ? Math.getExponent(m[i])
                                    : Math.getExponent(m[i] * 0x1p60) - 60;
                            double[] box = (double[]) state[3];
                            java.util.Arrays.fill(box, m[i] * reach);
                            int found = boxes.within(x, i * d, box, rows, query);
                            double[] sums = (double[]) state[2];
                            if (sums.length < found) {
                                sums = new double[rows[0].length];
                                state[2] = sums;
                            }
                            int c = 0;
                            for (int f = 0; f < found; f++) {
                                int j = rows[0][f];
                                if (j == i) {
                                    continue;
                                }
                                double t = 0;
                                for (int col = 0; col < d; col++) {
                                    double a = x[j * d + col];
                                    double b = x[i * d + col];
                                    double diff = a - b;
                                    // a difference beyond the doubles: subtract the scaled values instead
                                    double g = Double.isInfinite(diff) ? Math.scalb(a, -e) - Math.scalb(b, -e)
                                            : Math.scalb(diff, -e);
                                    t += g * g;
                                }
                                sums[c++] = t;
                            }
                            java.util.Arrays.sort(sums, 0, c);
                            out[i] = 0.5 * Math.log(sums[k - 1]) + e * LN2;
                        }
                    }
                });
        return out;
    }

}

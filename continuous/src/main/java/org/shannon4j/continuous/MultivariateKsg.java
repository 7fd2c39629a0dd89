package org.shannon4j.continuous;

import java.util.Objects;
import java.util.Random;

import org.shannon4j.spi.Context;

/**
 * KSG mutual information I(X; Y) and conditional mutual information I(X; Y | Z) of variables of any dimension, in
 * JIDT's two forms ({@link KsgAlgorithm}), with the max-norm. Immutable and thread-safe; from {@link Ksg#multivariate}:
 *
 * <pre>{@code
 * MultivariateKsg ksg1 = Ksg.of(Shannon.get().context()).multivariate(KsgAlgorithm.KSG1);
 * double mi = ksg1.mutualInformation(x, y, 4);              // x: N × dx, y: N × dy
 * double cmi = ksg1.conditionalMutualInformation(x, y, z, 4);
 * }</pre>
 *
 * <h2>JIDT</h2>
 * With {@code NORMALISE=false}, {@code NOISE_LEVEL_TO_ADD=0} and max-norm (JIDT's default norm), the values are JIDT's
 * {@code MutualInfoCalculatorMultiVariateKraskov1/2} and {@code ConditionalMutualInfoCalculatorMultiVariateKraskov1/2}
 * except for three things. ψ is exact here; JIDT's ψ(m) for m &lt; 10,000 uses the Euler–Mascheroni constant
 * truncated to 0.5772156 and a full-precision routine from 10,000 on. The constant cancels within each estimate as
 * long as every argument is below 10,000; beyond, with δ = γ − 0.5772156 = 6.490e-8 and f the share of points whose
 * count argument reaches 10,000, this estimate minus JIDT's is δ·(1 − f_x − f_y) for MI (ψ(N) is the one term past
 * 10,000 on most data) and δ·(f_z − f_x − f_y) for conditional MI. Sums are compensated here (JIDT adds plainly),
 * which moves the last digits of an estimate near 0. And JIDT's k-d tree skips a subtree whose coordinates are
 * strictly beyond a point's, though a point there can sit at exactly the radius after rounding: its non-strict
 * counts (KSG2) then miss points on gridded or tied data, where these counts are a brute-force scan's.
 *
 * <p>JIDT's defaults are {@code NORMALISE=true} and {@code NOISE_LEVEL_TO_ADD=1e-8}, both off here and both
 * offered: {@link #withJidtNormalisation(boolean)} (each column to mean 0 and sample standard deviation 1, JIDT's
 * arithmetic) and {@link #withJidtNoise(double, long)} for the noise with a {@code NOISE_SEED} (JIDT's unseeded
 * noise cannot be reproduced): {@code java.util.Random(seed).nextGaussian() · level} added after the normalisation,
 * row by row, X's columns, then Y's, then Z's, bit for bit.
 *
 * <h2>Speed</h2>
 * The neighbour search is exact, over the context's threads (the counts are per point and the sums are added in a
 * fixed order, so any thread count gives the same bits): k-d trees, one over the joint space for the k nearest and
 * one per marginal space for the counts, when N ≥ max(128, 64·d) for the joint dimension d = d_x + d_y + d_z
 * (d ≤ 16); otherwise brute force, O(N²·d). Both give the same bits, so the rule only moves the time: the trees
 * take about O(N log N) in low dimension and lose their pruning as d grows. The 1-D × 1-D case also has the
 * sort-based search of {@link Ksg#mutualInformation(double[], double[], int)} (scikit-learn's conventions).
 *
 * <h2>Bad input</h2>
 * {@link IllegalArgumentException}s naming the argument, index and value: NaN or ±∞, ragged rows, different numbers
 * of samples, dims ≤ 0 or a flat length that is not a multiple of dims, k ≤ 0, and N ≤ k.
 */
public final class MultivariateKsg {

    private final Context context;
    private final KsgAlgorithm algorithm;
    private final double noiseLevel;
    private final long noiseSeed;
    private final boolean normalise;

    MultivariateKsg(Context context, KsgAlgorithm algorithm, double noiseLevel, long noiseSeed, boolean normalise) {
        this.context = Objects.requireNonNull(context, "context must not be null");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm must not be null");
        this.noiseLevel = noiseLevel;
        this.noiseSeed = noiseSeed;
        this.normalise = normalise;
    }

    /**
     * This estimator with JIDT's seeded Gaussian noise added to copies of the data first.
     *
     * @param level the noise's standard deviation (JIDT's NOISE_LEVEL_TO_ADD; its KSG default is 1e-8), ≥ 0, finite
     * @param seed  JIDT's NOISE_SEED
     * @return the estimator with that noise
     */
    public MultivariateKsg withJidtNoise(double level, long seed) {
        if (!(level >= 0) || !Double.isFinite(level)) {
            throw new IllegalArgumentException("level = " + level + ": must be finite and >= 0");
        }
        return new MultivariateKsg(context, algorithm, level, seed, normalise);
    }

    /**
     * This estimator with or without JIDT's {@code NORMALISE} (true is JIDT's default, off here): every column of
     * X, Y (and Z) brought to mean 0 and sample standard deviation 1 as JIDT does it, before any noise.
     *
     * @param on whether the columns are normalised first
     * @return the estimator with that setting
     */
    public MultivariateKsg withJidtNormalisation(boolean on) {
        return new MultivariateKsg(context, algorithm, noiseLevel, noiseSeed, on);
    }

    /**
     * The algorithm of this estimator.
     *
     * @return KSG1 or KSG2
     */
    public KsgAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * I(X; Y) of paired samples given as rows.
     *
     * @param x N × d_x samples of X, finite
     * @param y N × d_y samples of Y, finite
     * @param k the number of joint neighbours, 1 ≤ k &lt; N (JIDT's default is 4)
     * @return the estimate in the context's unit
     * @throws IllegalArgumentException on bad input (see the class comment)
     */
    public double mutualInformation(double[][] x, double[][] y, int k) {
        double[] fx = Samples.flatten("x", x);
        double[] fy = Samples.flatten("y", y);
        return mi(fx, x[0].length, fy, y[0].length, x.length, y.length, k);
    }

    /**
     * I(X; Y) of paired samples given as row-major arrays.
     *
     * @param x  N · dx values of X, sample i in {@code x[i·dx … i·dx + dx − 1]}
     * @param dx the dimension of X, ≥ 1
     * @param y  N · dy values of Y
     * @param dy the dimension of Y, ≥ 1
     * @param k  the number of joint neighbours, 1 ≤ k &lt; N
     * @return the estimate in the context's unit
     * @throws IllegalArgumentException on bad input (see the class comment)
     */
    public double mutualInformation(double[] x, int dx, double[] y, int dy, int k) {
        int nx = Samples.rows("x", x, dx);
        int ny = Samples.rows("y", y, dy);
        return mi(x.clone(), dx, y.clone(), dy, nx, ny, k);
    }

    /**
     * I(X; Y | Z) of samples given as rows.
     *
     * @param x N × d_x samples of X, finite
     * @param y N × d_y samples of Y, finite
     * @param z N × d_z samples of the condition Z, finite
     * @param k the number of joint neighbours, 1 ≤ k &lt; N
     * @return the estimate in the context's unit
     * @throws IllegalArgumentException on bad input (see the class comment)
     */
    public double conditionalMutualInformation(double[][] x, double[][] y, double[][] z, int k) {
        double[] fx = Samples.flatten("x", x);
        double[] fy = Samples.flatten("y", y);
        double[] fz = Samples.flatten("z", z);
        return cmi(fx, x[0].length, fy, y[0].length, fz, z[0].length, new int[] {x.length, y.length, z.length}, k);
    }

    /**
     * I(X; Y | Z) of samples given as row-major arrays.
     *
     * @param x  N · dx values of X
     * @param dx the dimension of X, ≥ 1
     * @param y  N · dy values of Y
     * @param dy the dimension of Y, ≥ 1
     * @param z  N · dz values of Z
     * @param dz the dimension of Z, ≥ 1
     * @param k  the number of joint neighbours, 1 ≤ k &lt; N
     * @return the estimate in the context's unit
     * @throws IllegalArgumentException on bad input (see the class comment)
     */
    public double conditionalMutualInformation(double[] x, int dx, double[] y, int dy, double[] z, int dz, int k) {
        int[] n = {Samples.rows("x", x, dx), Samples.rows("y", y, dy), Samples.rows("z", z, dz)};
        return cmi(x.clone(), dx, y.clone(), dy, z.clone(), dz, n, k);
    }

    private double mi(double[] x, int dx, double[] y, int dy, int nx, int ny, int k) {
        Samples.checkSameLength("x", nx, "y", ny);
        Samples.checkK(k, nx, "x");
        int n = nx;
        double[][] blocks = {x, y};
        int[] dims = {dx, dy};
        prepare(blocks, dims, n);
        int[][] c = new KnnBlocks(blocks, dims, n, k).counts(algorithm, context.parallelism());
        int shift = algorithm == KsgAlgorithm.KSG1 ? 1 : 0;
        Sum s = new Sum();
        for (int i = 0; i < n; i++) {
            s.add(Digamma.of(c[0][i] + shift) + Digamma.of(c[1][i] + shift));
        }
        double mi = Digamma.of(k) - s.value() / n + Digamma.of(n);
        if (algorithm == KsgAlgorithm.KSG2) {
            mi -= 1.0 / k;
        }
        return context.unit().fromNats(mi);
    }

    private double cmi(double[] x, int dx, double[] y, int dy, double[] z, int dz, int[] counts, int k) {
        Samples.checkSameLength("x", counts[0], "y", counts[1]);
        Samples.checkSameLength("x", counts[0], "z", counts[2]);
        Samples.checkK(k, counts[0], "x");
        int n = counts[0];
        double[][] blocks = {x, y, z};
        int[] dims = {dx, dy, dz};
        prepare(blocks, dims, n);
        int[][] c = new KnnBlocks(blocks, dims, n, k).counts(algorithm, context.parallelism());
        double cmi;
        Sum s = new Sum();
        if (algorithm == KsgAlgorithm.KSG1) {
            for (int i = 0; i < n; i++) {
                s.add(Digamma.of(c[2][i] + 1) - Digamma.of(c[0][i] + 1) - Digamma.of(c[1][i] + 1));
            }
            cmi = Digamma.of(k) + s.value() / n;
        } else {
            Sum inverses = new Sum();
            for (int i = 0; i < n; i++) {
                s.add(Digamma.of(c[2][i]) - Digamma.of(c[0][i]) - Digamma.of(c[1][i]));
                inverses.add(1.0 / c[0][i] + 1.0 / c[1][i]);
            }
            cmi = Digamma.of(k) - 2.0 / k + s.value() / n + inverses.value() / n;
        }
        return context.unit().fromNats(cmi);
    }

    private static final String[] BLOCK_NAMES = {"x", "y", "z"};

    /** JIDT's order: the normalisation of each variable, then the noise, row by row across the variables. */
    private void prepare(double[][] blocks, int[] dims, int n) {
        if (normalise) {
            for (int b = 0; b < blocks.length; b++) {
                JidtNormalisation.columns(BLOCK_NAMES[b], blocks[b], dims[b], n);
            }
        }
        if (noiseLevel == 0) {
            return;
        }
        Random random = new Random(noiseSeed);
        for (int r = 0; r < n; r++) {
            for (int b = 0; b < blocks.length; b++) {
                for (int c = 0; c < dims[b]; c++) {
                    blocks[b][r * dims[b] + c] += random.nextGaussian() * noiseLevel;
                }
            }
        }
    }

    /** A Neumaier-compensated running sum. */
    static final class Sum {
        private double s;
        private double c;

        void add(double v) {
            double t = s + v;
            c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
            s = t;
        }

        double value() {
            return s + c;
        }
    }
}

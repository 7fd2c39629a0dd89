package org.shannon4j.dependence;

import java.util.Objects;

import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.counts.LabelCounts;
import org.shannon4j.counts.PairCounts;
import org.shannon4j.counts.TripleCounts;
import org.shannon4j.spi.Context;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

/**
 * The dependence family: entropy of labels and counts (with bias-corrected estimators), mutual information
 * and its relatives, and independence tests, from label arrays, count tables or joint pmfs. Obtain it from a
 * handle, {@code Shannon.get().withUnit(InfoUnit.BITS).dependence()}, or from any {@link Context} with
 * {@link #of(Context)}; results are in the context's {@link Context#unit() unit}, joint pmfs follow its
 * {@link Context#normalization() normalisation policy}, and label counting and permutations use its
 * {@link Context#parallelism() threads}. Immutable and thread-safe.
 *
 * <pre>{@code
 * Dependence dep = Shannon.get().withUnit(InfoUnit.BITS).dependence();
 * double mi  = dep.mutualInformation(x, y);                       // I(X;Y), plug-in
 * double nmi = dep.normalizedMutualInformation(x, y, NmiAverage.ARITHMETIC);
 * }</pre>
 *
 * <ul>
 *   <li><b>Inputs.</b> Paired labels {@code int[] x, int[] y} (any int values; sample i is (x[i], y[i])),
 *       row-major contingency counts ({@code long[]} or {@code int[]}, X indexing the rows), row-major joint
 *       pmfs ({@code double[]}, under the context's policy as for vectors), and the count tables of
 *       {@link org.shannon4j.counts}.</li>
 *   <li><b>Estimates.</b> Plug-in (maximum-likelihood) unless an {@link Estimator} is given. Results in the
 *       context's unit except NMI and AMI (unitless).</li>
 *   <li><b>Accuracy.</b> The sums Σ n·ln n carry a relative error of about 1e-15; MI, conditional entropy and
 *       VI are differences of them, so their error is absolute, below ~1e-14·ln N nats (1e-13·(1 + ln S) for
 *       pmfs).</li>
 *   <li><b>Counting.</b> Label arrays are counted in a dense table when the product of the label ranges is at
 *       most max(65536, 4n) cells (and 2²⁴); wider labels are first mapped to dense codes (hash tables, O(n)
 *       extra memory).</li>
 *   <li><b>Bad input.</b> Different lengths, empty arrays, null, negative counts, rows × cols not matching the
 *       array or overflowing, all-zero tables: exceptions naming the argument (no NaN is ever returned).</li>
 *   <li><b>Argument order.</b> Two-variable measures read X then Y (then Z), as R infotheo, philentropy, dit
 *       and pyitlib: {@code conditionalEntropy(x, y)} = H(X | Y), {@code conditionalMutualInformation(x, y, z)}
 *       = I(X; Y | Z); for tables and joint pmfs X is the rows and Y the columns.</li>
 *   <li><b>Count tables.</b> {@link LabelCounts}, {@link PairCounts} and {@link TripleCounts} are accepted
 *       wherever label arrays are and give the same bits: label arrays are counted into the same canonical
 *       table (non-empty cells in label order) before any measure reads them.</li>
 * </ul>
 */
public final class Dependence {

    private final Context context;
    private final Kernels kernels;
    private final InfoUnit unit;
    private final Normalization normalization;
    private final Parallelism parallelism;

    private Dependence(Context context) {
        this.context = context;
        this.kernels = context.kernels();
        this.unit = context.unit();
        this.normalization = context.normalization();
        this.parallelism = context.parallelism();
    }

    /**
     * The dependence measures bound to {@code context}: its backend, unit, policy and threads.
     * {@link org.shannon4j.Shannon#dependence()} returns the one of a handle.
     *
     * @param context the settings to use
     * @return the entry type bound to that context
     */
    public static Dependence of(Context context) {
        return new Dependence(Objects.requireNonNull(context, "context must not be null"));
    }

    /**
     * The settings this entry type is bound to.
     *
     * @return the context
     */
    public Context context() {
        return context;
    }

    @Override
    public String toString() {
        return "Dependence[backend=" + context.backendName() + ", unit=" + unit + ", normalization="
                + normalization + (parallelism.isSequential() ? "" : ", parallelism=" + parallelism) + "]";
    }

    /**
     * Mutual information I(X;Y) = Σ p(x,y)·ln(p(x,y)/(p(x)p(y))) of the empirical joint distribution of the
     * pairs (x[i], y[i]) (plug-in estimate; scikit-learn's {@code mutual_info_score}), in {@link Context#unit()}.
     * Symmetric in X = {@code x} and Y = {@code y}. Labels may be any ints. Never negative: rounding below 0 is
     * clamped at 0, as scikit-learn does.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @return the mutual information, in {@link Context#unit()}
     * @throws IllegalArgumentException if the lengths differ or the arrays are empty
     */
    public double mutualInformation(int[] x, int[] y) {
        int n = LabelChecks.pair("x", x, "y", y);
        return mutualInformation(x, 0, y, 0, n);
    }

    /**
     * Mutual information I(X;Y) of X = {@code x[xOffset ..+length)} paired with Y = {@code y[yOffset ..+length)}.
     *
     * @param x labels of X, one per sample
     * @param xOffset index of the first label of x
     * @param y labels of Y, paired with x by index
     * @param yOffset index of the first label of y
     * @param length number of elements read
     * @return the mutual information, in {@link Context#unit()}
     */
    public double mutualInformation(int[] x, int xOffset, int[] y, int yOffset, int length) {
        LabelChecks.range("x", x, xOffset, length);
        LabelChecks.range("y", y, yOffset, length);
        return unit.fromNats(MutualInformationMeasures.mutualInformation(kernels,
                CountTable.ofLabels(kernels, parallelism, x, xOffset, y, yOffset, length)));
    }

    /**
     * Mutual information I(X;Y) of a row-major contingency table {@code counts[i·cols + j]} (X the rows, Y the
     * columns), in {@link Context#unit()}. 64-bit counts; the total must fit a long.
     *
     * @param counts the counts (≥ 0)
     * @param rows number of rows
     * @param cols number of columns
     * @return the mutual information, in {@link Context#unit()}
     * @throws IllegalArgumentException for a negative count ("counts[5] = -3 (row 1, column 2): counts must be
     *                                  >= 0"), an all-zero table, rows × cols different from the length or
     *                                  beyond the int range, rows or cols &lt; 1
     */
    public double mutualInformation(long[] counts, int rows, int cols) {
        return unit.fromNats(MutualInformationMeasures.mutualInformation(kernels,
                CountTable.ofCounts(counts, rows, cols)));
    }

    /**
     * I(X;Y) of an int contingency table (X the rows); see {@link #mutualInformation(long[], int, int)}.
     *
     * @param counts the counts (≥ 0)
     * @param rows number of rows
     * @param cols number of columns
     * @return the mutual information, in {@link Context#unit()}
     */
    public double mutualInformation(int[] counts, int rows, int cols) {
        return unit.fromNats(MutualInformationMeasures.mutualInformation(kernels,
                CountTable.ofCounts(counts, rows, cols)));
    }

    /**
     * Mutual information I(X;Y) of a row-major joint pmf {@code joint[i·cols + j] = p(x_i, y_j)} (X the rows),
     * in {@link Context#unit()};
     * the pmf must sum to 1 under {@link Normalization#REQUIRE} and is divided by its sum under
     * {@link Normalization#NORMALIZE}. Entries must be finite and ≥ 0.
     *
     * @param joint row-major rows × cols joint pmf
     * @param rows number of rows
     * @param cols number of columns
     * @return the mutual information, in {@link Context#unit()}
     */
    public double mutualInformation(double[] joint, int rows, int cols) {
        return unit.fromNats(MutualInformationMeasures.mutualInformation(kernels, normalization, joint, rows, cols));
    }

    /**
     * Mutual information I(X;Y) of paired labels X = {@code x}, Y = {@code y} with a bias-corrected
     * {@link Estimator} (see its Javadoc for the formulas and how each one estimates MI). K = r·c with r, c the
     * numbers of distinct x and y values.
     * Miller–Madow and Chao–Shen are sums of entropy estimates and can be slightly negative; the others are ≥ 0.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @param estimator the entropy estimator applied to the counts
     * @return the mutual information, in {@link Context#unit()}
     */
    public double mutualInformation(int[] x, int[] y, Estimator estimator) {
        int n = LabelChecks.pair("x", x, "y", y);
        Objects.requireNonNull(estimator, "estimator must not be null");
        return unit.fromNats(CountEstimators.mutualInformation(kernels,
                CountTable.ofLabels(kernels, parallelism, x, 0, y, 0, n), estimator));
    }

    /**
     * Mutual information I(X;Y) of a contingency table (X the rows) with an {@link Estimator}; K = rows·cols
     * (empty rows and columns included, as R's {@code entropy} package does for a count matrix).
     *
     * @param counts the counts (≥ 0)
     * @param rows number of rows
     * @param cols number of columns
     * @param estimator the entropy estimator applied to the counts
     * @return the mutual information, in {@link Context#unit()}
     */
    public double mutualInformation(long[] counts, int rows, int cols, Estimator estimator) {
        Objects.requireNonNull(estimator, "estimator must not be null");
        return unit.fromNats(CountEstimators.mutualInformation(kernels, CountTable.ofCounts(counts, rows, cols),
                estimator));
    }

    /**
     * Entropy of the distribution behind {@code counts} (K = counts.length cells, N = Σ counts), estimated with
     * {@code estimator}, in {@link Context#unit()}. Formulas: R package {@code entropy} ({@code entropy.empirical},
     * {@code entropy.MillerMadow}, {@code entropy.ChaoShen}, {@code entropy.shrink}, {@code entropy.Dirichlet}),
     * and the NSB posterior mean ({@link Estimator#NSB}, with its integration error bound); see {@link Estimator}.
     *
     * @param counts the counts (≥ 0)
     * @param estimator the entropy estimator applied to the counts
     * @return the entropy, in {@link Context#unit()}
     * @throws IllegalArgumentException for a negative count, an empty or all-zero array, a total beyond Long.MAX_VALUE
     */
    public double entropy(long[] counts, Estimator estimator) {
        Objects.requireNonNull(estimator, "estimator must not be null");
        long n = CountEstimators.total("counts", counts);
        return unit.fromNats(CountEstimators.entropy(kernels, counts, counts.length, counts.length, n, estimator));
    }

    /**
     * Entropy estimate from int counts; see {@link #entropy(long[], Estimator)}.
     *
     * @param counts the counts (≥ 0)
     * @param estimator the entropy estimator applied to the counts
     * @return the entropy, in {@link Context#unit()}
     */
    public double entropy(int[] counts, Estimator estimator) {
        Objects.requireNonNull(estimator, "estimator must not be null");
        long n = CountEstimators.total("counts", counts);
        return unit.fromNats(CountEstimators.entropy(kernels, counts, counts.length, counts.length, n, estimator));
    }

    /**
     * Joint entropy H(X,Y) of paired labels X = {@code x}, Y = {@code y} (plug-in; symmetric), in
     * {@link Context#unit()}.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @return the joint entropy, in {@link Context#unit()}
     */
    public double jointEntropy(int[] x, int[] y) {
        return unit.fromNats(MutualInformationMeasures.jointEntropy(kernels, labelTable(x, y)));
    }

    /**
     * Joint entropy H(X,Y) of a row-major contingency table (X the rows, Y the columns), in {@link Context#unit()}.
     *
     * @param counts the counts (≥ 0)
     * @param rows number of rows
     * @param cols number of columns
     * @return the joint entropy, in {@link Context#unit()}
     */
    public double jointEntropy(long[] counts, int rows, int cols) {
        return unit.fromNats(MutualInformationMeasures.jointEntropy(kernels,
                CountTable.ofCounts(counts, rows, cols)));
    }

    /**
     * H(X,Y) of an int contingency table (X the rows); see {@link #jointEntropy(long[], int, int)}. A table of
     * more than two variables flattened row-major has the joint entropy of all of them, whatever the split
     * into rows and columns.
     *
     * @param counts the counts (≥ 0)
     * @param rows number of rows
     * @param cols number of columns
     * @return the joint entropy, in {@link Context#unit()}
     */
    public double jointEntropy(int[] counts, int rows, int cols) {
        return unit.fromNats(MutualInformationMeasures.jointEntropy(kernels,
                CountTable.ofCounts(counts, rows, cols)));
    }

    /**
     * Joint entropy H(X,Y) of a row-major joint pmf (X the rows; policy {@link Context#normalization()}), in {@link
     * Context#unit()}.
     *
     * @param joint row-major rows × cols joint pmf
     * @param rows number of rows
     * @param cols number of columns
     * @return the joint entropy, in {@link Context#unit()}
     */
    public double jointEntropy(double[] joint, int rows, int cols) {
        return unit.fromNats(MutualInformationMeasures.jointEntropy(kernels, normalization, joint, rows, cols));
    }

    /**
     * Conditional entropy H(X|Y) = H(X,Y) − H(Y) of paired labels X = {@code x}, Y = {@code y}: the uncertainty
     * left in {@code x} once {@code y} is known (plug-in), in {@link Context#unit()}. Read in argument order, as R
     * {@code infotheo::condentropy(X, Y)}, {@code philentropy::CE}, dit and pyitlib; H(Y|X) is
     * {@code conditionalEntropy(y, x)}.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @return the conditional entropy, in {@link Context#unit()}
     */
    public double conditionalEntropy(int[] x, int[] y) {
        return unit.fromNats(MutualInformationMeasures.conditionalEntropy(kernels, labelTable(x, y)));
    }

    /**
     * Conditional entropy H(X|Y) of a row-major contingency table: X indexes the <b>rows</b>, Y the columns, so
     * this is H(rows | cols), the entropy of the row given the column. In {@link Context#unit()}. For H(cols | rows)
     * pass the transposed table.
     *
     * @param counts the counts (≥ 0)
     * @param rows number of rows
     * @param cols number of columns
     * @return the conditional entropy, in {@link Context#unit()}
     */
    public double conditionalEntropy(long[] counts, int rows, int cols) {
        return unit.fromNats(MutualInformationMeasures.conditionalEntropy(kernels,
                CountTable.ofCounts(counts, rows, cols)));
    }

    /**
     * Conditional entropy H(X|Y) = H(rows | cols) of a row-major joint pmf, X indexing the <b>rows</b>; in {@link
     * Context#unit()}.
     *
     * @param joint row-major rows × cols joint pmf
     * @param rows number of rows
     * @param cols number of columns
     * @return the conditional entropy, in {@link Context#unit()}
     */
    public double conditionalEntropy(double[] joint, int rows, int cols) {
        return unit.fromNats(MutualInformationMeasures.conditionalEntropy(kernels, normalization, joint, rows, cols));
    }

    /**
     * Conditional mutual information I(X;Y|Z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z) of labelled triples
     * X = {@code x}, Y = {@code y}, Z = {@code z} (the third argument is the condition; symmetric in x and y;
     * plug-in), in {@link Context#unit()}. Allocates O(n) for the (x, z) pair codes.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @param z labels of Z, paired with x and y by index
     * @return the conditional mutual information, in {@link Context#unit()}
     */
    public double conditionalMutualInformation(int[] x, int[] y, int[] z) {
        int n = LabelChecks.triple("x", x, "y", y, "z", z);
        return unit.fromNats(MutualInformationMeasures.conditionalMutualInformation(kernels,
                CountTable.tripleCounts(kernels, parallelism, x, 0, y, 0, z, 0, n)));
    }

    /**
     * Conditional mutual information I(X;Y|Z) of a dense three-way count table
     * {@code counts[(x·yLevels + y)·zLevels + z]} (X slowest, the condition Z fastest), in {@link Context#unit()}:
     * the same formula, (T_xyz + T_z − T_xz − T_yz)/N with T = Σ n·ln n, as
     * {@link #conditionalMutualInformation(int[], int[], int[])}, clamped at 0. Empty cells are allowed.
     *
     * @param counts the counts (≥ 0), xLevels·yLevels·zLevels of them
     * @param xLevels number of X categories
     * @param yLevels number of Y categories
     * @param zLevels number of Z categories (the condition)
     * @return the conditional mutual information I(X;Y|Z), in {@link Context#unit()}
     * @throws IllegalArgumentException for a negative count (naming its index and x, y, z), levels &lt; 1, a
     *                                  length different from the product of the levels, or an all-zero table
     */
    public double conditionalMutualInformation(int[] counts, int xLevels, int yLevels, int zLevels) {
        return unit.fromNats(MutualInformationMeasures.conditionalMutualInformation(kernels, counts, xLevels,
                yLevels, zLevels));
    }

    /**
     * Variation of information VI = H(X|Y) + H(Y|X) = H(X,Y) − I(X;Y) of two labelings X = {@code x},
     * Y = {@code y} (Meilă's metric between clusterings; symmetric), in {@link Context#unit()}.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @return the variation of information, in {@link Context#unit()}
     */
    public double variationOfInformation(int[] x, int[] y) {
        return unit.fromNats(MutualInformationMeasures.variationOfInformation(kernels, labelTable(x, y)));
    }

    /**
     * Variation of information of a row-major contingency table (X the rows, Y the columns; symmetric), in {@link
     * Context#unit()}.
     *
     * @param counts the counts (≥ 0)
     * @param rows number of rows
     * @param cols number of columns
     * @return the variation of information, in {@link Context#unit()}
     */
    public double variationOfInformation(long[] counts, int rows, int cols) {
        return unit.fromNats(MutualInformationMeasures.variationOfInformation(kernels,
                CountTable.ofCounts(counts, rows, cols)));
    }

    /**
     * Variation of information of a row-major joint pmf (X the rows; symmetric), in {@link Context#unit()}.
     *
     * @param joint row-major rows × cols joint pmf
     * @param rows number of rows
     * @param cols number of columns
     * @return the variation of information, in {@link Context#unit()}
     */
    public double variationOfInformation(double[] joint, int rows, int cols) {
        return unit.fromNats(MutualInformationMeasures.variationOfInformation(kernels, normalization, joint, rows,
                cols));
    }

    /** The count table of the paired labels (lengths checked first), counted with this context's threads. */
    private CountTable labelTable(int[] x, int[] y) {
        int n = LabelChecks.pair("x", x, "y", y);
        return CountTable.ofLabels(kernels, parallelism, x, 0, y, 0, n);
    }

    /**
     * Normalised mutual information I(X;Y)/avg of X = {@code x}, Y = {@code y} (symmetric), unitless in [0, 1],
     * as scikit-learn's {@code normalized_mutual_info_score(x, y, average_method=...)} with {@link NmiAverage} ARITHMETIC (its
     * default), GEOMETRIC, MIN or MAX; JOINT divides by H(X,Y). Edge cases as scikit-learn: both labelings a
     * single cluster → 1.0; otherwise I = 0 → 0.0. We differ in two places: empty input is an error (scikit-learn
     * returns 1.0), and a result above 1 by rounding is clamped to 1.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @param average the mean of the marginal entropies used as the denominator
     * @return the normalised mutual information, in [0, 1] (no unit)
     */
    public double normalizedMutualInformation(int[] x, int[] y, NmiAverage average) {
        int n = LabelChecks.pair("x", x, "y", y);
        Objects.requireNonNull(average, "average must not be null");
        return MutualInformationMeasures.nmi(kernels, CountTable.ofLabels(kernels, parallelism, x, 0, y, 0, n),
                average);
    }

    /**
     * Normalised mutual information of a row-major contingency table (X the rows; empty rows and columns ignored).
     *
     * @param counts the counts (≥ 0)
     * @param rows number of rows
     * @param cols number of columns
     * @param average the mean of the marginal entropies used as the denominator
     * @return the normalised mutual information, in [0, 1] (no unit)
     */
    public double normalizedMutualInformation(long[] counts, int rows, int cols, NmiAverage average) {
        Objects.requireNonNull(average, "average must not be null");
        return MutualInformationMeasures.nmi(kernels, CountTable.ofCounts(counts, rows, cols), average);
    }

    /**
     * Normalised mutual information of a row-major joint pmf (X the rows; policy {@link Context#normalization()}).
     *
     * @param joint row-major rows × cols joint pmf
     * @param rows number of rows
     * @param cols number of columns
     * @param average the mean of the marginal entropies used as the denominator
     * @return the normalised mutual information, in [0, 1] (no unit)
     */
    public double normalizedMutualInformation(double[] joint, int rows, int cols, NmiAverage average) {
        Objects.requireNonNull(average, "average must not be null");
        return MutualInformationMeasures.nmiOfPmf(kernels, normalization, joint, rows, cols, average);
    }

    /**
     * Adjusted mutual information (I − E[I])/(avg − E[I]) of X = {@code x}, Y = {@code y} (symmetric), unitless,
     * as scikit-learn's
     * {@code adjusted_mutual_info_score(x, y, average_method=...)}: 1 for identical partitions, about 0 for
     * independent ones, and negative when worse than chance. E[I] is the expectation under the hypergeometric
     * (fixed-marginals permutation) model, computed as described in {@code ExpectedMutualInformation}: distinct
     * marginal values only, terms walked from the mode of each hypergeometric outwards until the tail is below
     * 2⁻⁶⁰ of the mass (truncation error below 1.8e-18·ln N·min(r, c) nats), self-normalised (no lgamma
     * cancellation), 64-bit counts throughout. Edge cases as scikit-learn: both labelings a single cluster →
     * 1.0; the denominator is kept at least ε = 2.2e-16 away from 0 with its sign. Empty input is an error.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @param average the mean of the marginal entropies used as the denominator
     * @return the adjusted mutual information (no unit; 1 for identical partitions, about 0 by chance)
     */
    public double adjustedMutualInformation(int[] x, int[] y, NmiAverage average) {
        int n = LabelChecks.pair("x", x, "y", y);
        Objects.requireNonNull(average, "average must not be null");
        return MutualInformationMeasures.ami(kernels, CountTable.ofLabels(kernels, parallelism, x, 0, y, 0, n),
                average);
    }

    /**
     * Adjusted mutual information of a row-major contingency table (X the rows; empty rows and columns ignored).
     *
     * @param counts the counts (≥ 0)
     * @param rows number of rows
     * @param cols number of columns
     * @param average the mean of the marginal entropies used as the denominator
     * @return the adjusted mutual information (no unit; 1 for identical partitions, about 0 by chance)
     */
    public double adjustedMutualInformation(long[] counts, int rows, int cols, NmiAverage average) {
        Objects.requireNonNull(average, "average must not be null");
        return MutualInformationMeasures.ami(kernels, CountTable.ofCounts(counts, rows, cols), average);
    }

    /**
     * Expected mutual information E[I(X;Y)] of a row-major contingency table (X the rows, Y the columns) under
     * the permutation model: all tables with its row and column sums equally likely (hypergeometric cells), in
     * {@link Context#unit()} — scikit-learn's {@code expected_mutual_information(contingency, n_samples)} (nats), the
     * term {@link #adjustedMutualInformation} subtracts. Symmetric in X and Y; empty rows and columns contribute
     * nothing; 0 when either side has a single non-empty row or column. Computed as described in
     * {@link #adjustedMutualInformation(int[], int[], NmiAverage)} (truncation error below
     * 1.8e-18·ln N·min(r, c) nats).
     *
     * @param counts the counts (≥ 0)
     * @param rows number of rows
     * @param cols number of columns
     * @return the expected mutual information, in {@link Context#unit()}
     * @throws IllegalArgumentException for a negative count, an all-zero table, rows × cols different from the
     *                                  length or beyond the int range, rows or cols &lt; 1, a total beyond
     *                                  Long.MAX_VALUE
     */
    public double expectedMutualInformation(long[] counts, int rows, int cols) {
        return unit.fromNats(MutualInformationMeasures.expectedMi(CountTable.ofCounts(counts, rows, cols)));
    }

    /**
     * E[I(X;Y)] of an int contingency table; see {@link #expectedMutualInformation(long[], int, int)}.
     *
     * @param counts the counts (≥ 0)
     * @param rows number of rows
     * @param cols number of columns
     * @return the expected mutual information, in {@link Context#unit()}
     */
    public double expectedMutualInformation(int[] counts, int rows, int cols) {
        return unit.fromNats(MutualInformationMeasures.expectedMi(CountTable.ofCounts(counts, rows, cols)));
    }

    /**
     * Entropy of a label array: H = −Σ (nₖ/N)·ln(nₖ/N) over the frequencies nₖ of its distinct values (plug-in),
     * in {@link Context#unit()} — scikit-learn's {@code sklearn.metrics.cluster.entropy(labels)} (which is in nats).
     * Labels may be any ints; this counts them, whereas {@link #entropy(int[], Estimator)} takes counts. Empty
     * input is an error (scikit-learn returns 1.0).
     *
     * @param labels the labels, any ints
     * @return the entropy of the label frequencies, in {@link Context#unit()}
     * @throws IllegalArgumentException if {@code labels} is empty
     */
    public double labelEntropy(int[] labels) {
        return labelEntropy(labels, 0, LabelChecks.length("labels", labels));
    }

    /**
     * Entropy of the labels {@code labels[offset ..+length)}; see {@link #labelEntropy(int[])}.
     *
     * @param labels the labels, any ints
     * @param offset index of the first label read
     * @param length number of labels read (≥ 1)
     * @return the entropy of the label frequencies, in {@link Context#unit()}
     */
    public double labelEntropy(int[] labels, int offset, int length) {
        return labelEntropyOf(labels, offset, length, Estimator.PLUG_IN);
    }

    /**
     * Entropy of a label array estimated with {@code estimator} from the frequencies of its distinct values:
     * as {@link #entropy(int[], Estimator)} of those counts, K being the number of distinct labels seen.
     *
     * @param labels the labels, any ints
     * @param estimator the entropy estimator applied to the label counts
     * @return the estimated entropy, in {@link Context#unit()}
     */
    public double labelEntropy(int[] labels, Estimator estimator) {
        int n = LabelChecks.length("labels", labels);
        Objects.requireNonNull(estimator, "estimator must not be null");
        return labelEntropyOf(labels, 0, n, estimator);
    }

    private double labelEntropyOf(int[] labels, int offset, int length, Estimator estimator) {
        LabelChecks.range("labels", labels, offset, length);
        int[] counts = MutualInformationMeasures.labelCounts(kernels, labels, offset, length);
        return unit.fromNats(CountEstimators.entropy(kernels, counts, counts.length, counts.length, length, estimator));
    }

    /**
     * G-test of independence of paired labels X = {@code x}, Y = {@code y} (symmetric): G = 2N·I(X;Y) with I in
     * nats, against χ² with (r − 1)(c − 1)
     * degrees of freedom (r, c = numbers of distinct x and y values); p = 1 when either has one value. The
     * approximation wants expected cell counts of about 5 or more; use {@link #permutationTest} otherwise.
     * The result's MI is in {@link Context#unit()}.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @return the statistic, its degrees of freedom and p-value
     */
    public IndependenceTest independenceTest(int[] x, int[] y) {
        int n = LabelChecks.pair("x", x, "y", y);
        return IndependenceTests.gTest(kernels, CountTable.ofLabels(kernels, parallelism, x, 0, y, 0, n), unit);
    }

    /**
     * G-test on a row-major contingency table (X the rows); degrees of freedom from its non-empty rows and columns.
     *
     * @param counts the counts (≥ 0)
     * @param rows number of rows
     * @param cols number of columns
     * @return the statistic, its degrees of freedom and p-value
     */
    public IndependenceTest independenceTest(long[] counts, int rows, int cols) {
        return IndependenceTests.gTest(kernels, CountTable.ofCounts(counts, rows, cols), unit);
    }

    /**
     * Permutation test of independence of X = {@code x} and Y = {@code y}: y is shuffled {@code permutations}
     * times (marginals kept) and p = (1 + b)/(1 + P), b being the number of shuffles whose G = 2N·I
     * (equivalently MI) is at least the observed one (within a relative 1e-12); the result's {@code statistic} is the observed G and its
     * {@code exceedances} is b. Permutation i uses a SplitMix64 generator derived from (seed, i) alone, so
     * the result depends only on the inputs, the seed and the count — not on the handle's parallelism, which
     * spreads the permutations over the calling thread and the handle's executor (see
     * {@link org.shannon4j.Shannon#withParallelism(int)}). Each thread allocates its buffers (n ints plus the count
     * table) once;
     * nothing is allocated per permutation.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @param permutations number of label permutations
     * @param seed seed of the permutations (same seed, same result)
     * @return the test result: observed G as statistic, the exceedance count b and the permutation p-value
     * @throws IllegalArgumentException if permutations &lt; 1
     */
    public IndependenceTest permutationTest(int[] x, int[] y, int permutations, long seed) {
        int n = LabelChecks.pair("x", x, "y", y);
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations = " + permutations + ": must be >= 1");
        }
        return IndependenceTests.permutationTest(kernels, parallelism, x, 0, y, 0, n, permutations, seed, unit);
    }

    // -- Count tables (org.shannon4j.counts): counting with this handle's kernels and threads, and every measure
    // above from the tables, with the same bits as from the label arrays the tables were counted from.

    /**
     * The counts of {@code labels} (empty table for an empty array), counted as {@link #labelEntropy(int[])} does.
     *
     * @param labels the labels, any ints, one per sample
     * @return a new table of the distinct labels and their counts, N = labels.length
     */
    public LabelCounts countLabels(int[] labels) {
        return countLabels(labels, 0, LabelChecks.length("labels", labels));
    }

    /**
     * The counts of {@code labels[offset ..+length)}; see {@link #countLabels(int[])}.
     *
     * @param labels the labels, any ints, one per sample
     * @param offset index of the first label read
     * @param length number of labels read (≥ 0; 0 gives an empty table)
     * @return a new table of the distinct labels read and their counts, N = length
     * @throws IndexOutOfBoundsException if the range does not fit in {@code labels}
     */
    public LabelCounts countLabels(int[] labels, int offset, int length) {
        LabelChecks.bounds("labels", labels, offset, length);
        return CountTable.labelCounts(kernels, labels, offset, length);
    }

    /**
     * The joint counts of the pairs (x[i], y[i]), counted as {@link #mutualInformation(int[], int[])} counts
     * them (dense table or dense codes, over {@link Context#parallelism()} threads), then turned into the public table
     * in O(cells). Empty arrays give an empty table.
     *
     * @param x labels of X, one per sample (the table's first variable)
     * @param y labels of Y, paired with x by index
     * @return a new table of the non-empty (x, y) cells and their counts, N = x.length
     * @throws IllegalArgumentException if the lengths differ
     */
    public PairCounts countPairs(int[] x, int[] y) {
        int n = LabelChecks.length("x", x);
        if (n == 0 && LabelChecks.length("y", y) == 0) {
            return new PairCounts();
        }
        LabelChecks.pair("x", x, "y", y);
        return countPairs(x, 0, y, 0, n);
    }

    /**
     * The joint counts of (x[xOffset+i], y[yOffset+i]), i &lt; length; see {@link #countPairs(int[], int[])}.
     *
     * @param x labels of X, one per sample (the table's first variable)
     * @param xOffset index of the first label of x
     * @param y labels of Y, paired with x by index
     * @param yOffset index of the first label of y
     * @param length number of pairs read (≥ 0; 0 gives an empty table)
     * @return a new table of the non-empty (x, y) cells read and their counts, N = length
     * @throws IndexOutOfBoundsException if a range does not fit in its array
     */
    public PairCounts countPairs(int[] x, int xOffset, int[] y, int yOffset, int length) {
        LabelChecks.bounds("x", x, xOffset, length);
        LabelChecks.bounds("y", y, yOffset, length);
        return CountTable.pairCounts(kernels, parallelism, x, xOffset, y, yOffset, length);
    }

    /**
     * The joint counts of the triples (x[i], y[i], z[i]) (for {@link #conditionalMutualInformation(TripleCounts)}).
     * Empty arrays give an empty table.
     *
     * @param x labels of X, one per sample
     * @param y labels of Y, paired with x by index
     * @param z labels of Z (the condition of I(X;Y|Z)), paired with x and y by index
     * @return a new table of the non-empty (x, y, z) cells and their counts, N = x.length
     * @throws IllegalArgumentException if the lengths differ
     */
    public TripleCounts countTriples(int[] x, int[] y, int[] z) {
        int n = LabelChecks.length("x", x);
        if (n == 0 && LabelChecks.length("y", y) == 0 && LabelChecks.length("z", z) == 0) {
            return new TripleCounts();
        }
        LabelChecks.triple("x", x, "y", y, "z", z);
        return countTriples(x, 0, y, 0, z, 0, n);
    }

    /**
     * The joint counts of (x[xOffset+i], y[yOffset+i], z[zOffset+i]), i &lt; length; see
     * {@link #countTriples(int[], int[], int[])}.
     *
     * @param x labels of X, one per sample
     * @param xOffset index of the first label of x
     * @param y labels of Y, paired with x by index
     * @param yOffset index of the first label of y
     * @param z labels of Z (the condition of I(X;Y|Z)), paired with x and y by index
     * @param zOffset index of the first label of z
     * @param length number of triples read (≥ 0; 0 gives an empty table)
     * @return a new table of the non-empty (x, y, z) cells read and their counts, N = length
     * @throws IndexOutOfBoundsException if a range does not fit in its array
     */
    public TripleCounts countTriples(int[] x, int xOffset, int[] y, int yOffset, int[] z, int zOffset, int length) {
        LabelChecks.bounds("x", x, xOffset, length);
        LabelChecks.bounds("y", y, yOffset, length);
        LabelChecks.bounds("z", z, zOffset, length);
        return CountTable.tripleCounts(kernels, parallelism, x, xOffset, y, yOffset, z, zOffset, length);
    }

    /**
     * Entropy H(X) of the labels behind {@code counts} (plug-in), in {@link Context#unit()}: the same bits as
     * {@link #labelEntropy(int[])} of those labels.
     *
     * @param counts the counts of the labels of X (N ≥ 1)
     * @return the entropy of the label frequencies, in {@link Context#unit()}
     * @throws IllegalArgumentException if the table is empty
     */
    public double entropy(LabelCounts counts) {
        return entropy(counts, Estimator.PLUG_IN);
    }

    /**
     * Entropy of the labels behind {@code counts} estimated with {@code estimator}, K being the number of
     * distinct labels seen, in {@link Context#unit()}: the same bits as {@link #labelEntropy(int[], Estimator)}.
     *
     * @param counts the counts of the labels of X (N ≥ 1)
     * @param estimator the entropy estimator applied to the label counts
     * @return the estimated entropy, in {@link Context#unit()}
     * @throws IllegalArgumentException if the table is empty
     */
    public double entropy(LabelCounts counts, Estimator estimator) {
        Objects.requireNonNull(estimator, "estimator must not be null");
        long n = nonEmpty(counts, counts == null ? 0 : counts.total());
        Object c = MutualInformationMeasures.intsIfFit(counts.counts());
        int m = counts.size();
        return unit.fromNats(CountEstimators.entropy(kernels, c, m, m, n, estimator));
    }

    /**
     * I(X;Y) of a joint count table (X its first variable), in {@link Context#unit()}; as
     * {@link #mutualInformation(int[], int[])}.
     *
     * @param counts the joint counts of X and Y (X = first variable; N ≥ 1)
     * @return the mutual information I(X;Y), in {@link Context#unit()}
     * @throws IllegalArgumentException if the table is empty
     */
    public double mutualInformation(PairCounts counts) {
        return unit.fromNats(MutualInformationMeasures.mutualInformation(kernels, table(counts)));
    }

    /**
     * I(X;Y) of a joint count table with an estimator (K = distinct x × distinct y); as
     * {@link #mutualInformation(int[], int[], Estimator)}.
     *
     * @param counts the joint counts of X and Y (X = first variable; N ≥ 1)
     * @param estimator the entropy estimator applied to the counts
     * @return the estimated mutual information I(X;Y), in {@link Context#unit()}
     * @throws IllegalArgumentException if the table is empty
     */
    public double mutualInformation(PairCounts counts, Estimator estimator) {
        Objects.requireNonNull(estimator, "estimator must not be null");
        return unit.fromNats(CountEstimators.mutualInformation(kernels, table(counts), estimator));
    }

    /**
     * H(X,Y) of a joint count table, in {@link Context#unit()}; as {@link #jointEntropy(int[], int[])}.
     *
     * @param counts the joint counts of X and Y (N ≥ 1)
     * @return the joint entropy H(X,Y), in {@link Context#unit()}
     * @throws IllegalArgumentException if the table is empty
     */
    public double jointEntropy(PairCounts counts) {
        return unit.fromNats(MutualInformationMeasures.jointEntropy(kernels, table(counts)));
    }

    /**
     * H(X|Y) of a joint count table, X its first variable (H(Y|X) is {@code conditionalEntropy(counts.transpose())}),
     * in {@link Context#unit()}; as {@link #conditionalEntropy(int[], int[])}.
     *
     * @param counts the joint counts of X and Y (X = first variable, the one whose entropy is left; N ≥ 1)
     * @return the conditional entropy H(X|Y), in {@link Context#unit()}
     * @throws IllegalArgumentException if the table is empty
     */
    public double conditionalEntropy(PairCounts counts) {
        return unit.fromNats(MutualInformationMeasures.conditionalEntropy(kernels, table(counts)));
    }

    /**
     * VI = H(X|Y) + H(Y|X) of a joint count table, in {@link Context#unit()}; as
     * {@link #variationOfInformation(int[], int[])}.
     *
     * @param counts the joint counts of X and Y (symmetric: either variable first; N ≥ 1)
     * @return the variation of information, in {@link Context#unit()}
     * @throws IllegalArgumentException if the table is empty
     */
    public double variationOfInformation(PairCounts counts) {
        return unit.fromNats(MutualInformationMeasures.variationOfInformation(kernels, table(counts)));
    }

    /**
     * NMI of a joint count table (unitless); as {@link #normalizedMutualInformation(int[], int[], NmiAverage)}.
     *
     * @param counts the joint counts of X and Y (symmetric: either variable first; N ≥ 1)
     * @param average the mean of the marginal entropies used as the denominator
     * @return the normalised mutual information, in [0, 1] (no unit)
     * @throws IllegalArgumentException if the table is empty
     */
    public double normalizedMutualInformation(PairCounts counts, NmiAverage average) {
        Objects.requireNonNull(average, "average must not be null");
        return MutualInformationMeasures.nmi(kernels, table(counts), average);
    }

    /**
     * AMI of a joint count table (unitless); as {@link #adjustedMutualInformation(int[], int[], NmiAverage)}.
     *
     * @param counts the joint counts of X and Y (symmetric: either variable first; N ≥ 1)
     * @param average the mean of the marginal entropies used as the denominator
     * @return the adjusted mutual information (no unit; 1 for identical partitions, about 0 by chance)
     * @throws IllegalArgumentException if the table is empty
     */
    public double adjustedMutualInformation(PairCounts counts, NmiAverage average) {
        Objects.requireNonNull(average, "average must not be null");
        return MutualInformationMeasures.ami(kernels, table(counts), average);
    }

    /**
     * E[I(X;Y)] under fixed marginals of a joint count table, in {@link Context#unit()}; see
     * {@link #expectedMutualInformation(long[], int, int)}.
     *
     * @param counts the joint counts of X and Y, whose marginals are kept (symmetric; N ≥ 1)
     * @return the expected mutual information, in {@link Context#unit()}
     * @throws IllegalArgumentException if the table is empty
     */
    public double expectedMutualInformation(PairCounts counts) {
        return unit.fromNats(MutualInformationMeasures.expectedMi(table(counts)));
    }

    /**
     * G-test of independence on a joint count table; as {@link #independenceTest(int[], int[])}.
     *
     * @param counts the joint counts of X and Y (symmetric: either variable first; N ≥ 1)
     * @return the statistic, its degrees of freedom and p-value
     * @throws IllegalArgumentException if the table is empty
     */
    public IndependenceTest independenceTest(PairCounts counts) {
        return IndependenceTests.gTest(kernels, table(counts), unit);
    }

    /**
     * I(X;Y|Z) of a three-variable count table (Z the condition), in {@link Context#unit()}: the same bits as
     * {@link #conditionalMutualInformation(int[], int[], int[])} of the samples, which counts them into such a
     * table first.
     *
     * @param counts the joint counts of X, Y and Z (Z = third variable, the condition; N ≥ 1)
     * @return the conditional mutual information I(X;Y|Z), in {@link Context#unit()}
     * @throws IllegalArgumentException if the table is empty
     */
    public double conditionalMutualInformation(TripleCounts counts) {
        nonEmpty(counts, counts == null ? 0 : counts.total());
        return unit.fromNats(MutualInformationMeasures.conditionalMutualInformation(kernels, counts));
    }

    private static CountTable table(PairCounts counts) {
        nonEmpty(counts, counts == null ? 0 : counts.total());
        return CountTable.of(counts);
    }

    private static long nonEmpty(Object counts, long total) {
        if (counts == null) {
            throw new NullPointerException("counts must not be null");
        }
        if (total == 0) {
            throw new IllegalArgumentException("counts is empty (N = 0): at least one observation is needed");
        }
        return total;
    }
}

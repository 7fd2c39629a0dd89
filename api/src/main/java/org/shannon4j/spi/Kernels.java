package org.shannon4j.spi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The primitive loops a backend implements: only the hot inner loops, all in natural log. Measures, units,
 * normalization, validation messages and error bounds live once above this interface, in
 * {@code org.shannon4j}.
 *
 * <h2>Contract shared by every method</h2>
 * <ul>
 *   <li><b>Ranges.</b> Callers have already checked that every {@code (array, offset, length)} range is inside
 *       its array and that {@code length >= 1}. Implementations need not check again.</li>
 *   <li><b>Invalid input is fused into the pass.</b> If any element read is NaN, negative or infinite, the
 *       method returns {@code NaN} (whatever the other sums are). It may also return NaN when the sum of
 *       finite elements overflows. Callers then re-scan to name the first bad element, so the happy path
 *       needs a single pass.</li>
 *   <li><b>Zeros.</b> A term whose leading factor is zero contributes exactly 0, whatever the other operand
 *       is ({@code 0·ln 0 = 0}, {@code 0·ln(0/q) = 0}). A positive {@code p} against {@code q = 0} gives the
 *       mathematically right infinity ({@code p·ln 0 = −∞}, {@code p·ln(p/0) = +∞}); never skip such a term.</li>
 *   <li><b>Auxiliary sums.</b> Methods that return more than one sum write the extra ones into the
 *       caller-owned {@code aux} array (length at least {@link #AUX_LENGTH}) at the documented indices, so
 *       that nothing is allocated per call.</li>
 *   <li><b>Accuracy.</b> Each term may carry a few ulp of error (a vectorised log); sums must be computed so
 *       that summation error stays below about {@code 64·ulp} of the sum of absolute values for lengths up to
 *       1e8 (blocked partial sums with a compensated outer sum are enough). {@code float} inputs are read as
 *       float and accumulated in double. The conformance suite checks these bounds for every backend.</li>
 *   <li><b>Threads.</b> Kernels are stateless and called concurrently.</li>
 * </ul>
 */
public interface Kernels {

    /** Minimum length of the {@code aux} arrays passed to the methods below. */
    int AUX_LENGTH = 4;
    /** {@code aux} index of Σ p. */
    int SUM_P = 0;
    /** {@code aux} index of Σ q. */
    int SUM_Q = 1;
    /** {@code aux} index of the second Jensen–Shannon half. */
    int JS_Q_TERMS = 2;

    /**
     * Σ a[i], also written to {@code aux[SUM_P]}; NaN if an element is NaN, negative or infinite.
     *
     * @param a the values
     * @param offset index of the first element read
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum; NaN for invalid input
     */
    double sum(double[] a, int offset, int length, double[] aux);

    /**
     * Σ a[i] accumulated in double, also written to {@code aux[SUM_P]}; NaN if an element is invalid.
     *
     * @param a the values
     * @param offset index of the first element read
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum; NaN for invalid input
     */
    double sum(float[] a, int offset, int length, double[] aux);

    /**
     * Σ p·ln p with 0·ln 0 = 0. Writes Σ p to {@code aux[SUM_P]}.
     *
     * @param p the probability vector p
     * @param offset index of the first element read
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    double xLogX(double[] p, int offset, int length, double[] aux);

    /**
     * Float input, double accumulation; otherwise as {@link #xLogX(double[], int, int, double[])}.
     *
     * @param p the probability vector p
     * @param offset index of the first element read
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    double xLogX(float[] p, int offset, int length, double[] aux);

    /**
     * Σ p·ln q with terms where p = 0 equal to 0. Writes Σ p and Σ q to {@code aux[SUM_P]}, {@code aux[SUM_Q]}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    double xLogY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux);

    /**
     * Float input, double accumulation.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    double xLogY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux);

    /**
     * Σ p·ln(p/q) with terms where p = 0 equal to 0 and p &gt; 0, q = 0 giving +∞. The ratio is formed before
     * the log (one rounding, so terms stay accurate when p ≈ q); where p/q over- or underflows, the term is
     * computed as p·(ln p − ln q). Writes Σ p and Σ q to {@code aux[SUM_P]}, {@code aux[SUM_Q]}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    double xLogXOverY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux);

    /**
     * Float input, double accumulation.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    double xLogXOverY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux);

    /**
     * The two halves of the Jensen–Shannon divergence for a given ratio {@code c} of the sums:
     * returns A = Σ p·ln(2p/(p + c·q)) and writes B = Σ q·ln(2c·q/(p + c·q)) to {@code aux[JS_Q_TERMS]}, Σ p to
     * {@code aux[SUM_P]} and Σ q to {@code aux[SUM_Q]} (terms with a zero leading factor are 0). With
     * c = Σp/Σq the divergence of the normalised vectors is exactly (A/Σp + B/Σq)/2.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param c the mixture ratio Σp/Σq
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return A, the p half; NaN for invalid input
     */
    double jensenShannonTerms(double[] p, int pOffset, double[] q, int qOffset, int length, double c, double[] aux);

    /**
     * Float input, double accumulation.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param c the mixture ratio Σp/Σq
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return A, the p half; NaN for invalid input
     */
    double jensenShannonTerms(float[] p, int pOffset, float[] q, int qOffset, int length, double c, double[] aux);

    // ----------------------------------------------------------------------------------------------------
    // Mutual information family: label counting and Σ n·ln n over counts
    // ----------------------------------------------------------------------------------------------------
    // Label arrays hold arbitrary ints. The api finds their range with minMax; a small range is counted
    // directly into a dense, caller-owned table (countPairs, x − xMin indexing rows), a wide one is first
    // turned into dense codes 0..k−1 (denseCodes, densePairCodes: a hash table inside the backend, which the
    // api never sees, so api stays free of third-party types). Count tables are then reduced with nLogN.
    // Count methods add to the table (they do not clear it) and never read outside [offset, offset+length).

    /**
     * The minimum and maximum of {@code a[offset .. offset+length)}, packed as
     * {@code ((long) min << 32) | (max & 0xFFFFFFFFL)}.
     *
     * @param a the values
     * @param offset index of the first element read
     * @param length number of elements read
     * @return min and max packed in a long
     */
    long minMax(int[] a, int offset, int length);

    /**
     * Adds 1 to {@code table[(a[offset+i] − min)]} for each i. The caller guarantees every index is inside
     * the table (it has checked the range with {@link #minMax}).
     *
     * @param a the values
     * @param offset index of the first element read
     * @param min the smallest label (index 0 of the table)
     * @param length number of elements read
     * @param table the count table to add into
     */
    void count(int[] a, int offset, int min, int length, int[] table);

    /**
     * Adds 1 to {@code table[(x[xOffset+i] − xMin)·cols + (y[yOffset+i] − yMin)]} for each i (a row-major
     * contingency table, x indexing rows). The caller guarantees every index is inside the table.
     *
     * @param x the first labels
     * @param xOffset index of the first label of x
     * @param xMin the smallest x label
     * @param y the second labels
     * @param yOffset index of the first label of y
     * @param yMin the smallest y label
     * @param cols number of columns of the table
     * @param length number of elements read
     * @param table the count table to add into
     */
    void countPairs(int[] x, int xOffset, int xMin, int[] y, int yOffset, int yMin, int cols, int length,
                    int[] table);

    /**
     * Dense codes of arbitrary labels: writes to {@code codes[i]} the index, in order of first appearance, of
     * {@code a[offset+i]} among the distinct values, and returns the number of distinct values.
     * {@code codes.length >= length}.
     *
     * @param a the values
     * @param offset index of the first element read
     * @param length number of elements read
     * @param codes receives the dense code of each element
     * @return the number of distinct values
     */
    int denseCodes(int[] a, int offset, int length, int[] codes);

    /**
     * Dense codes of label pairs: as {@link #denseCodes} for the pairs {@code (x[xOffset+i], y[yOffset+i])}.
     * The pair (x, y) of the same index may be read before {@code codes[i]} is written, so {@code codes} may be
     * the {@code x} or {@code y} array itself (with offset 0).
     *
     * @param x the first labels
     * @param xOffset index of the first label of x
     * @param y the second labels
     * @param yOffset index of the first label of y
     * @param length number of elements read
     * @param codes receives the dense code of each element
     * @return the number of distinct pairs
     */
    int densePairCodes(int[] x, int xOffset, int[] y, int yOffset, int length, int[] codes);

    /**
     * Σ n·ln n over {@code counts[offset .. offset+length)} with 0·ln 0 = 0, accumulated in double (one-signed
     * terms: a few ulp of relative error per term suffice); NaN if any count is negative.
     *
     * @param counts the counts (≥ 0)
     * @param offset index of the first element read
     * @param length number of elements read
     * @return the sum; NaN if a count is negative
     */
    double nLogN(int[] counts, int offset, int length);

    /**
     * As {@link #nLogN(int[], int, int)} for 64-bit counts (each converted to the nearest double).
     *
     * @param counts the counts (≥ 0)
     * @param offset index of the first element read
     * @param length number of elements read
     * @return the sum; NaN if a count is negative
     */
    double nLogN(long[] counts, int offset, int length);

    // ------------------------------------------------------------------------------------------------------
    // MemorySegment inputs (off-heap, memory-mapped, more than 2^31 elements)
    // ------------------------------------------------------------------------------------------------------
    // Offsets and counts are in elements (long); the layout is a ValueLayout.OfDouble or ValueLayout.OfFloat of
    // any byte order. Callers have checked that the range lies inside the segment, that count >= 1, that the
    // segment's alignment satisfies the layout and that it is accessible from the calling thread. The results
    // and aux contents are those of the array methods. The default implementations copy the segment block by
    // block (SegmentWalk.BLOCK elements) into per-thread arrays and call the array methods above, adding the
    // block results into compensated totals: every backend gets segment support, with the array kernels'
    // accuracy, written once. A backend that can read segments directly (native code) may override them.

    /**
     * Σ a over {@code a[offset .. offset+count)} read with {@code layout}; as {@link #sum(double[], int, int, double[])}.
     *
     * @param a the values
     * @param layout the element layout (type, byte order, alignment)
     * @param offset index of the first element read
     * @param count number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum; NaN for invalid input
     */
    default double sum(MemorySegment a, ValueLayout layout, long offset, long count, double[] aux) {
        return SegmentWalk.single(this, false, a, layout, offset, count, aux);
    }

    /**
     * Σ p·ln p over a segment range; as {@link #xLogX(double[], int, int, double[])}.
     *
     * @param p the probability vector p
     * @param layout the element layout (type, byte order, alignment)
     * @param offset index of the first element read
     * @param count number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    default double xLogX(MemorySegment p, ValueLayout layout, long offset, long count, double[] aux) {
        return SegmentWalk.single(this, true, p, layout, offset, count, aux);
    }

    /**
     * Σ p·ln q over two segment ranges; as {@link #xLogY(double[], int, double[], int, int, double[])}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    default double xLogY(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                         ValueLayout layout, double[] aux) {
        return SegmentWalk.pair(this, SegmentWalk.CROSS, p, pOffset, q, qOffset, count, layout, 1.0, aux);
    }

    /**
     * Σ p·ln(p/q) over two segment ranges; as {@link #xLogXOverY(double[], int, double[], int, int, double[])}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    default double xLogXOverY(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                              ValueLayout layout, double[] aux) {
        return SegmentWalk.pair(this, SegmentWalk.KL, p, pOffset, q, qOffset, count, layout, 1.0, aux);
    }

    /**
     * The Jensen–Shannon halves over two segment ranges; as {@link #jensenShannonTerms(double[], int, double[], int, int, double, double[])}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @param c the mixture ratio Σp/Σq
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return A, the p half; NaN for invalid input
     */
    default double jensenShannonTerms(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
                                      ValueLayout layout, double c, double[] aux) {
        return SegmentWalk.pair(this, SegmentWalk.JS, p, pOffset, q, qOffset, count, layout, c, aux);
    }

    // ----------------------------------------------------------------------------------------------------
    // Losses (issue 4): softmax cross-entropy, binary cross-entropy, log loss. Reference semantics: LossMath.
    // ----------------------------------------------------------------------------------------------------
    // Shared contract of the loss kernels, in addition to the one above (which they follow for ranges,
    // threads, and NaN as the "invalid input" signal):
    //  * Matrices are row-major: row r, class c of a (offset, rows, classes) matrix is at offset + r*classes + c.
    //  * Every loss is in nats. Per-row (per-element) losses, if the rowLosses array is not null, are written
    //    at rowOffset + r, already weighted; ignored rows get 0. The return value is the sum of those losses.
    //  * Gradients, if the grad array is not null, are written at gradOffset + r*classes + c, multiplied by
    //    gradScale; ignored rows get 0.
    //  * Outputs may be partially written when the kernel returns NaN.

    /** {@code aux} index of the weight sum of the contributing rows (Σ w[y] for class-index targets). */
    int LOSS_WEIGHT_SUM = 0;
    /** {@code aux} index of the number of contributing (non-ignored) rows, as a double. */
    int LOSS_COUNT = 1;
    /** {@code aux} index of max over rows of |Σ row − 1| (log loss, before clipping). */
    int LOSS_ROW_SUM_ERROR = 2;

    /**
     * Softmax cross-entropy with class-index targets, per row r with target y = targets[targetOffset + r]:
     * with m = max z, S' = Σ_{c ≠ argmax} exp(z_c − m) and ln S = log1p(S') (so ln Σ exp(z − m) stays exact
     * when the target dominates), the row loss is Σ_c a_c·((m − z_c) + ln S) where a_c = (1 − ε)·w[y]·[c = y]
     * + (ε/C)·w[c] (w = 1 if {@code classWeights} is null, ε = {@code smoothing}); terms with a_c = 0 are 0
     * even if z_c = −∞. The gradient is A·softmax(z)_c − a_c with A = Σ a_c. Rows with y == ignoreIndex
     * contribute nothing and are not read. Writes Σ w[y] and the count of contributing rows to aux.
     * Returns NaN if a read logit is NaN or +∞, a row is all −∞, or a target is outside [0, classes) and not
     * ignoreIndex.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param ignoreIndex target value whose rows are skipped
     * @param classWeights per-class weights, or null for 1
     * @param smoothing label smoothing ε in [0, 1]
     * @param rowLosses per-row losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @param gradScale factor applied to every gradient element (e.g. 1/N for a mean)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the row losses; NaN for invalid input
     */
    double softmaxCrossEntropy(double[] logits, int offset, int rows, int classes, int[] targets, int targetOffset,
                               int ignoreIndex, double[] classWeights, double smoothing, double[] rowLosses,
                               int rowOffset, double[] grad, int gradOffset, double gradScale, double[] aux);

    /**
     * Float logits (read as float, computed in double), float outputs.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param ignoreIndex target value whose rows are skipped
     * @param classWeights per-class weights, or null for 1
     * @param smoothing label smoothing ε in [0, 1]
     * @param rowLosses per-row losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @param gradScale factor applied to every gradient element (e.g. 1/N for a mean)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the row losses; NaN for invalid input
     */
    double softmaxCrossEntropy(float[] logits, int offset, int rows, int classes, int[] targets, int targetOffset,
                               int ignoreIndex, double[] classWeights, double smoothing, float[] rowLosses,
                               int rowOffset, float[] grad, int gradOffset, double gradScale, double[] aux);

    /**
     * Softmax cross-entropy with probability targets q (a rows × classes matrix at targetOffset, not required
     * to sum to 1): as the class-index form with a_c = w[c]·((1 − ε)·q_c + ε/C). Writes Σ_r A_r to
     * aux[LOSS_WEIGHT_SUM] and rows to aux[LOSS_COUNT]. Returns NaN also if a target is negative, NaN or ∞.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param classWeights per-class weights, or null for 1
     * @param smoothing label smoothing ε in [0, 1]
     * @param rowLosses per-row losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @param gradScale factor applied to every gradient element (e.g. 1/N for a mean)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the row losses; NaN for invalid input
     */
    double softmaxCrossEntropyProbs(double[] logits, int offset, int rows, int classes, double[] targets,
                                    int targetOffset, double[] classWeights, double smoothing, double[] rowLosses,
                                    int rowOffset, double[] grad, int gradOffset, double gradScale, double[] aux);

    /**
     * Float logits and targets (computed in double), float outputs.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param classWeights per-class weights, or null for 1
     * @param smoothing label smoothing ε in [0, 1]
     * @param rowLosses per-row losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @param gradScale factor applied to every gradient element (e.g. 1/N for a mean)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the row losses; NaN for invalid input
     */
    double softmaxCrossEntropyProbs(float[] logits, int offset, int rows, int classes, float[] targets,
                                    int targetOffset, double[] classWeights, double smoothing, float[] rowLosses,
                                    int rowOffset, float[] grad, int gradOffset, double gradScale, double[] aux);

    /**
     * Σ wᵢ·−(yᵢ·ln pᵢ + (1 − yᵢ)·ln(1 − pᵢ)), ln(1 − p) as log1p(−p), a term with a zero factor (y = 0, y = 1 or
     * w = 0) being 0; p clipped to [eps, 1 − eps] first when eps &gt; 0. p = 0 with y &gt; 0 (or p = 1 with
     * y &lt; 1) gives +∞. {@code weights} (PyTorch's per-element {@code weight}) may be null: all 1. Writes Σ w
     * (the length if unweighted) to aux[LOSS_WEIGHT_SUM] and the length to aux[LOSS_COUNT]. Returns NaN if a
     * target or probability is outside [0, 1] or NaN, or a weight is negative, NaN or infinite.
     *
     * @param targets the targets, in [0, 1]
     * @param targetOffset index of the first target
     * @param probs predicted probabilities, in [0, 1]
     * @param probOffset index of the first probability
     * @param weights per-element weights (PyTorch's {@code weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when weights is null)
     * @param length number of elements read
     * @param eps clipping epsilon (0: no clipping)
     * @param losses per-element weighted losses wᵢ·ℓᵢ are written here when not null
     * @param lossOffset index in losses of the first loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w and the count
     * @return the sum of the weighted terms; NaN for invalid input
     */
    double binaryCrossEntropy(double[] targets, int targetOffset, double[] probs, int probOffset, double[] weights,
                              int weightOffset, int length, double eps, double[] losses, int lossOffset,
                              double[] aux);

    /**
     * Float input and weights, double computation, float outputs.
     *
     * @param targets the targets, in [0, 1]
     * @param targetOffset index of the first target
     * @param probs predicted probabilities, in [0, 1]
     * @param probOffset index of the first probability
     * @param weights per-element weights (PyTorch's {@code weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when weights is null)
     * @param length number of elements read
     * @param eps clipping epsilon (0: no clipping)
     * @param losses per-element weighted losses wᵢ·ℓᵢ are written here when not null
     * @param lossOffset index in losses of the first loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w and the count
     * @return the sum of the weighted terms; NaN for invalid input
     */
    double binaryCrossEntropy(float[] targets, int targetOffset, float[] probs, int probOffset, float[] weights,
                              int weightOffset, int length, double eps, float[] losses, int lossOffset,
                              double[] aux);

    /**
     * Σ wᵢ·(posWeight·yᵢ·softplus(−xᵢ) + (1 − yᵢ)·softplus(xᵢ)) with softplus(t) = max(t, 0) + log1p(exp(−|t|)),
     * a term with a zero factor being 0 (so x = ±∞ is allowed) — {@code torch.nn.functional
     * .binary_cross_entropy_with_logits}' combination of {@code weight} and {@code pos_weight}. Weights and aux
     * as {@link #binaryCrossEntropy(double[], int, double[], int, double[], int, int, double, double[], int, double[])}.
     * Returns NaN if a target is outside [0, 1], a logit is NaN, or a weight is negative, NaN or infinite.
     *
     * @param targets the targets, in [0, 1]
     * @param targetOffset index of the first target
     * @param logits the logits, one per target
     * @param logitOffset index of the first logit
     * @param weights per-element weights (PyTorch's {@code weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when weights is null)
     * @param length number of elements read
     * @param posWeight weight of the positive term (PyTorch's {@code pos_weight})
     * @param losses per-element weighted losses wᵢ·ℓᵢ are written here when not null
     * @param lossOffset index in losses of the first loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w and the count
     * @return the sum of the weighted terms; NaN for invalid input
     */
    double binaryCrossEntropyWithLogits(double[] targets, int targetOffset, double[] logits, int logitOffset,
                                        double[] weights, int weightOffset, int length, double posWeight,
                                        double[] losses, int lossOffset, double[] aux);

    /**
     * Float input and weights, double computation, float outputs.
     *
     * @param targets the targets, in [0, 1]
     * @param targetOffset index of the first target
     * @param logits the logits, one per target
     * @param logitOffset index of the first logit
     * @param weights per-element weights (PyTorch's {@code weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when weights is null)
     * @param length number of elements read
     * @param posWeight weight of the positive term (PyTorch's {@code pos_weight})
     * @param losses per-element weighted losses wᵢ·ℓᵢ are written here when not null
     * @param lossOffset index in losses of the first loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w and the count
     * @return the sum of the weighted terms; NaN for invalid input
     */
    double binaryCrossEntropyWithLogits(float[] targets, int targetOffset, float[] logits, int logitOffset,
                                        float[] weights, int weightOffset, int length, double posWeight,
                                        float[] losses, int lossOffset, double[] aux);

    /**
     * Σ_r w_r·−ln(p'[r, y_r]) where p' is the row clipped to [eps, 1 − eps] (when eps &gt; 0) and divided by its
     * sum; computed as −log1p(−others/S) when p'_y ≥ ½, with others the sum of the row's other entries, so that
     * confident rows keep their small loss exact. {@code sampleWeights} (scikit-learn's {@code sample_weight})
     * may be null: all 1; a row with weight 0 contributes 0. Writes Σ w (rows if unweighted) to
     * aux[LOSS_WEIGHT_SUM], rows to aux[LOSS_COUNT] and max_r |Σ row − 1| of the unclipped rows to
     * aux[LOSS_ROW_SUM_ERROR]. Returns NaN if a probability is negative, NaN or ∞, a target is outside
     * [0, classes), a row sums to 0, or a weight is negative, NaN or infinite.
     *
     * @param probs predicted probabilities, row-major rows × classes
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets, one class index per row
     * @param targetOffset index of the first target
     * @param sampleWeights per-row weights (scikit-learn's {@code sample_weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when sampleWeights is null)
     * @param eps clipping epsilon (0: no clipping)
     * @param rowLosses per-row weighted losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w, the count and the row-sum error
     * @return the sum of the weighted row losses; NaN for invalid input
     */
    double logLoss(double[] probs, int offset, int rows, int classes, int[] targets, int targetOffset,
                   double[] sampleWeights, int weightOffset, double eps, double[] rowLosses, int rowOffset,
                   double[] aux);

    /**
     * Float probabilities and weights (computed in double), float outputs.
     *
     * @param probs predicted probabilities, row-major rows × classes
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets, one class index per row
     * @param targetOffset index of the first target
     * @param sampleWeights per-row weights (scikit-learn's {@code sample_weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when sampleWeights is null)
     * @param eps clipping epsilon (0: no clipping)
     * @param rowLosses per-row weighted losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w, the count and the row-sum error
     * @return the sum of the weighted row losses; NaN for invalid input
     */
    double logLoss(float[] probs, int offset, int rows, int classes, int[] targets, int targetOffset,
                   float[] sampleWeights, int weightOffset, double eps, float[] rowLosses, int rowOffset,
                   double[] aux);
}

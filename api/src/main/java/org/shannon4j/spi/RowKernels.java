package org.shannon4j.spi;

/**
 * The per-row kernels: entropy of each row of a rows × classes probability matrix, KL and JS divergence between
 * matching rows of two such matrices, and PyTorch's element-wise {@code kl_div} terms. They follow the contract
 * written on {@link Kernels} (ranges checked by the caller, NaN as the "invalid input" signal, stateless). Every
 * default is the reference loop of {@link RowMath}.
 *
 * <h2>Contract of the row measures</h2>
 * <ul>
 *   <li>Row r, class c of a matrix at {@code offset} is at {@code offset + r·classes + c}; rows ≥ 1, classes ≥ 1.</li>
 *   <li>Each row is measured as if divided by its sum S (entropy ln S − Σ p·ln p / S; KL
 *       Σ p·ln(p/q) / Sp − ln Sp + ln Sq; JS of p/Sp and q/Sq), so REQUIRE and NORMALIZE give the same
 *       numbers and the caller only checks the sums. The row's value, in nats times {@code scale}, goes to
 *       {@code out[outOffset + r]}; outputs may be partially written when the kernel returns NaN.</li>
 *   <li>Row sums are computed left to right (c = 0 .. classes − 1) in double, so a caller's re-scan finds the
 *       same sums.</li>
 *   <li>Return value: max over rows (and over both matrices) of |S − 1|; NaN if an element is NaN, negative or
 *       infinite, or a row sums to 0 or overflows.</li>
 *   <li>With more than one thread, {@link org.shannon4j.rows.RowMeasures} calls a kernel on parts of whole rows
 *       that start at multiples of {@link Parallelism#ROW_ALIGN} (64) rows from the first row of the caller's
 *       matrix. For the same bits at any thread count, a row's value may depend on the other rows of a call only
 *       through groups of rows aligned to a divisor of 64 from the call's first row (the shipped backends'
 *       vector groups of 4 or 8 rows).</li>
 * </ul>
 */
public interface RowKernels {

    /**
     * The entropy of each row (normalised by its sum), in nats times {@code scale}.
     *
     * @param p row-major rows × classes probabilities
     * @param offset index of the first element read
     * @param rows number of rows (≥ 1)
     * @param classes number of classes (≥ 1)
     * @param scale factor applied to every result (1 for nats)
     * @param out receives one value per row
     * @param outOffset index in out of the first row's value
     * @return max |row sum − 1|; NaN for invalid input
     */
    default double rowEntropy(double[] p, int offset, int rows, int classes, double scale, double[] out,
                              int outOffset) {
        return RowMath.rowEntropy(p, null, offset, rows, classes, scale, out, outOffset);
    }

    /**
     * Float input, read as float and computed in double.
     *
     * @param p row-major rows × classes probabilities
     * @param offset index of the first element read
     * @param rows number of rows (≥ 1)
     * @param classes number of classes (≥ 1)
     * @param scale factor applied to every result (1 for nats)
     * @param out receives one value per row
     * @param outOffset index in out of the first row's value
     * @return max |row sum − 1|; NaN for invalid input
     */
    default double rowEntropy(float[] p, int offset, int rows, int classes, double scale, double[] out,
                              int outOffset) {
        return RowMath.rowEntropy(null, p, offset, rows, classes, scale, out, outOffset);
    }

    /**
     * KL(p_r ‖ q_r) of each pair of rows (each normalised by its sum), in nats times {@code scale}; +∞ where
     * p &gt; 0 meets q = 0.
     *
     * @param p row-major rows × classes probabilities
     * @param pOffset index of p's first element
     * @param q row-major rows × classes probabilities
     * @param qOffset index of q's first element
     * @param rows number of rows (≥ 1)
     * @param classes number of classes (≥ 1)
     * @param scale factor applied to every result (1 for nats)
     * @param out receives one value per row
     * @param outOffset index in out of the first row's value
     * @return max |row sum − 1| over both matrices; NaN for invalid input
     */
    default double rowKlDivergence(double[] p, int pOffset, double[] q, int qOffset, int rows, int classes,
                                   double scale, double[] out, int outOffset) {
        return RowMath.rowDivergence(false, p, null, pOffset, q, null, qOffset, rows, classes, scale, out, outOffset);
    }

    /**
     * Float input, read as float and computed in double.
     *
     * @param p row-major rows × classes probabilities
     * @param pOffset index of p's first element
     * @param q row-major rows × classes probabilities
     * @param qOffset index of q's first element
     * @param rows number of rows (≥ 1)
     * @param classes number of classes (≥ 1)
     * @param scale factor applied to every result (1 for nats)
     * @param out receives one value per row
     * @param outOffset index in out of the first row's value
     * @return max |row sum − 1| over both matrices; NaN for invalid input
     */
    default double rowKlDivergence(float[] p, int pOffset, float[] q, int qOffset, int rows, int classes,
                                   double scale, double[] out, int outOffset) {
        return RowMath.rowDivergence(false, null, p, pOffset, null, q, qOffset, rows, classes, scale, out,
                outOffset);
    }

    /**
     * JS(p_r, q_r) of each pair of rows (each normalised by its sum), in nats times {@code scale}.
     *
     * @param p row-major rows × classes probabilities
     * @param pOffset index of p's first element
     * @param q row-major rows × classes probabilities
     * @param qOffset index of q's first element
     * @param rows number of rows (≥ 1)
     * @param classes number of classes (≥ 1)
     * @param scale factor applied to every result (1 for nats)
     * @param out receives one value per row
     * @param outOffset index in out of the first row's value
     * @return max |row sum − 1| over both matrices; NaN for invalid input
     */
    default double rowJsDivergence(double[] p, int pOffset, double[] q, int qOffset, int rows, int classes,
                                   double scale, double[] out, int outOffset) {
        return RowMath.rowDivergence(true, p, null, pOffset, q, null, qOffset, rows, classes, scale, out, outOffset);
    }

    /**
     * Float input, read as float and computed in double.
     *
     * @param p row-major rows × classes probabilities
     * @param pOffset index of p's first element
     * @param q row-major rows × classes probabilities
     * @param qOffset index of q's first element
     * @param rows number of rows (≥ 1)
     * @param classes number of classes (≥ 1)
     * @param scale factor applied to every result (1 for nats)
     * @param out receives one value per row
     * @param outOffset index in out of the first row's value
     * @return max |row sum − 1| over both matrices; NaN for invalid input
     */
    default double rowJsDivergence(float[] p, int pOffset, float[] q, int qOffset, int rows, int classes,
                                   double scale, double[] out, int outOffset) {
        return RowMath.rowDivergence(true, null, p, pOffset, null, q, qOffset, rows, classes, scale, out, outOffset);
    }

    /**
     * PyTorch's {@code kl_div} terms, element by element: t·(ln t − x) for a probability target t (0 where
     * t = 0, +∞ where t &gt; 0 meets x = −∞), e^t·(t − x) for a log-probability target (0 where t = −∞), each
     * times {@code scale}. Written to {@code out} (when not null); returns their compensated sum. NaN if an
     * input x is NaN or +∞, or a target is NaN or +∞, or (probability targets) negative.
     *
     * @param input log-probabilities x
     * @param inputOffset index of the first input
     * @param target targets t (probabilities, or log-probabilities when logTarget)
     * @param targetOffset index of the first target
     * @param length number of elements (≥ 1)
     * @param logTarget whether the targets are log-probabilities
     * @param scale factor applied to every term (1 for nats)
     * @param out per-element terms, or null
     * @param outOffset index in out of the first term
     * @return the sum of the terms; NaN for invalid input
     */
    default double klDivLoss(double[] input, int inputOffset, double[] target, int targetOffset, int length,
                             boolean logTarget, double scale, double[] out, int outOffset) {
        return RowMath.klDivLoss(input, null, inputOffset, target, null, targetOffset, length, logTarget, scale,
                out, null, outOffset);
    }

    /**
     * Float input (computed in double), float terms.
     *
     * @param input log-probabilities x
     * @param inputOffset index of the first input
     * @param target targets t (probabilities, or log-probabilities when logTarget)
     * @param targetOffset index of the first target
     * @param length number of elements (≥ 1)
     * @param logTarget whether the targets are log-probabilities
     * @param scale factor applied to every term (1 for nats)
     * @param out per-element terms, or null
     * @param outOffset index in out of the first term
     * @return the sum of the terms; NaN for invalid input
     */
    default double klDivLoss(float[] input, int inputOffset, float[] target, int targetOffset, int length,
                             boolean logTarget, double scale, float[] out, int outOffset) {
        return RowMath.klDivLoss(null, input, inputOffset, null, target, targetOffset, length, logTarget, scale,
                null, out, outOffset);
    }
}

package org.shannon4j.loss;

/**
 * The reductions of {@link Losses#klDiv} — PyTorch's {@code kl_div} {@code reduction} argument, whose
 * {@code batchmean} the other losses do not have.
 */
public enum KlDivReduction {
    /** The per-element terms are written into a caller-provided array; the method returns their sum. */
    NONE,
    /** The sum of the terms. */
    SUM,
    /** The sum divided by the number of elements, rows × classes (PyTorch's {@code 'mean'}, which it warns about). */
    MEAN,
    /** The sum divided by the number of rows, the batch size (PyTorch's {@code 'batchmean'}: the KL divergence). */
    BATCHMEAN
}

/**
 * Per-row measures of model outputs: entropy of each row of an N × C probability matrix, KL and JS divergence
 * between matching rows of two matrices. {@link org.shannon4j.rows.RowMeasures} is the entry type, obtained from a
 * handle with {@code Shannon.get().rows()} (or {@link org.shannon4j.rows.RowMeasures#of(org.shannon4j.spi.Context)})
 * and bound to its backend, unit and normalisation policy. PyTorch's {@code kl_div} loss is with the other losses,
 * {@link org.shannon4j.loss.Losses#klDiv}.
 */
package org.shannon4j.rows;

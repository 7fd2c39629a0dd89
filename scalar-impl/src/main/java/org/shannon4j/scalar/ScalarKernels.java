package org.shannon4j.scalar;

import org.shannon4j.spi.Kernels;

/**
 * The plain-Java reference backend: every kernel is the SPI's own reference, the default methods of
 * {@link Kernels} (blocked, compensated distribution sums; the counting loops; the loss loops of
 * {@link org.shannon4j.spi.LossMath}). Nothing is overridden, so this backend is by construction the reference
 * the conformance suite compares every other backend with.
 */
final class ScalarKernels implements Kernels {

    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }
}

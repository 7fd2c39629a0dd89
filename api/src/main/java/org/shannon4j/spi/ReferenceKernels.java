package org.shannon4j.spi;

/**
 * The reference distribution kernels: {@link BlockedKernels} with its reference block loops, nothing
 * overridden. The array methods of {@link DistributionKernels} delegate to this one instance, so every backend
 * that does not override a distribution kernel runs exactly this code.
 */
final class ReferenceKernels extends BlockedKernels {

    static final ReferenceKernels INSTANCE = new ReferenceKernels();

    private ReferenceKernels() {
    }
}

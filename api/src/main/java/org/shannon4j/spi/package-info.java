/**
 * The backend SPI. A backend is a {@link org.shannon4j.spi.BackendProvider} found by {@link java.util.ServiceLoader};
 * its {@link org.shannon4j.spi.Kernels} are the hot inner loops, in three families:
 * {@link org.shannon4j.spi.DistributionKernels}, {@link org.shannon4j.spi.CountingKernels} and
 * {@link org.shannon4j.spi.LossKernels}. Every kernel is a default method whose body is the reference
 * implementation (the code of this package: {@link org.shannon4j.spi.BlockedKernels}' reference block loops, the
 * counting loops, {@link org.shannon4j.spi.LossMath}), so {@code new Kernels() {}} is a complete, correct backend
 * and a backend overrides only what it accelerates.
 *
 * <p>Where a new kernel goes: one default method in its family interface, implemented by the reference code; a
 * backend overrides it only where it vectorises it; the conformance suite picks it up. The kinds of distribution
 * term have one set of codes, {@link org.shannon4j.spi.Terms}; a new pair kind adds its code there and one line to
 * {@code Terms.pair}, the one map from a code to its kernel.
 */
package org.shannon4j.spi;

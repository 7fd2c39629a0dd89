/**
 * The entry point, {@link org.shannon4j.Shannon}: a handle on one backend with a unit, a normalisation policy and
 * a parallelism (its {@link org.shannon4j.spi.Context}), holding the distribution measures (entropy,
 * cross-entropy, KL and Jensen–Shannon divergence, Jensen–Shannon and Hellinger distance) and handing out the
 * other families bound to the same context: {@link org.shannon4j.Shannon#dependence()} and
 * {@link org.shannon4j.Shannon#losses()}. The package-private {@code Measures} and {@code Rescaled} are the
 * distribution family's arithmetic, {@code BackendRegistry} the one place a backend is selected.
 *
 * <p>The architecture in three sentences:
 * <ul>
 *   <li>A new measure is one static method in its family's measures class ({@code Measures} here,
 *       {@code MutualInformationMeasures} or {@code CountEstimators} in {@code org.shannon4j.dependence},
 *       {@code LossMeasures} in {@code org.shannon4j.loss}) plus its overloads in the family's entry type
 *       ({@code Shannon}, {@code Dependence}, {@code Losses}); no other file.</li>
 *   <li>A new kernel is one default method in its SPI family interface
 *       ({@link org.shannon4j.spi.DistributionKernels}, {@link org.shannon4j.spi.CountingKernels},
 *       {@link org.shannon4j.spi.LossKernels}), implemented once by the SPI's reference code and overridden by a
 *       backend only where it vectorises it; the conformance suite finds it by reflection and compares every
 *       backend with the reference. A distribution kernel over pairs also takes a code in
 *       {@link org.shannon4j.spi.Terms}, mapped to it in {@code Terms.pair}, so that the passes (chunks, segments)
 *       run it.</li>
 *   <li>A new family is its own package (or module) with an entry type built from a handle's
 *       {@link org.shannon4j.spi.Context} ({@link org.shannon4j.Shannon#context()}), so it shares the handle's
 *       backend, unit, policy and threads.</li>
 * </ul>
 */
package org.shannon4j;

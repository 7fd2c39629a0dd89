package org.shannon4j.conformance;

/** Runs the distribution suite over the bundled backends (scalar and SIMD are on the test class path). */
class AllBackendsDistributionTest extends DistributionConformanceSuite {
}

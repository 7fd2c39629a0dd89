package org.shannon4j.conformance;

/** Runs the kernel-level suite (every kernel method, found by reflection) over the bundled backends. */
class AllBackendsKernelTest extends KernelConformanceSuite {
}

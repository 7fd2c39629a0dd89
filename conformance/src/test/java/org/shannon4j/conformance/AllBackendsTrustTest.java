package org.shannon4j.conformance;

/** Runs the trust suite (−0.0, JS symmetry, same bits on every call) over the bundled backends. */
class AllBackendsTrustTest extends TrustConformanceSuite {
}

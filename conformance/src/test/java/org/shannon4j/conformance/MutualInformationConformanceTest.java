package org.shannon4j.conformance;

/** Runs the MI-family conformance suite on the backends of this build. */
class MutualInformationConformanceTest extends MutualInformationConformanceSuite {
}

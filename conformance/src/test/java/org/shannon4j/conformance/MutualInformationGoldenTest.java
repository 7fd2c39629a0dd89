package org.shannon4j.conformance;

/** Runs the scikit-learn / R-formula golden values of the MI family on the backends of this build. */
class MutualInformationGoldenTest extends MutualInformationGoldenSuite {
}

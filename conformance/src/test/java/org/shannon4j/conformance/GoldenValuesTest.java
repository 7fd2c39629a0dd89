package org.shannon4j.conformance;

/** Runs the scipy golden values on the backends of this build (scalar and SIMD, both on the test class path). */
class GoldenValuesTest extends GoldenValuesSuite {
}

package org.shannon4j.conformance;

/** Runs the count-table conformance suite on the backends of this build. */
class AllBackendsCountsTest extends CountsConformanceSuite {
}
